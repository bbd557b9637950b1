package dev.deemwb.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-CPU verdict, found by checking each instruction-set cap in child JVMs — this CPU's real kernels. */
class SafeKernelsTest {

    @TempDir
    Path cache;

    @Test
    void theVerdictNamesAPassingCapAndWhyEachHigherOneWasRefusedThenComesFromTheCache() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        SafeKernels.Verdict verdict = SafeKernels.verdict(cache, new PrintStream(first, true, StandardCharsets.UTF_8));

        assertThat(first.toString(StandardCharsets.UTF_8)).contains("checking this CPU's float32 kernels");
        assertThat(verdict.isa()).as("some cap passes on every CPU this project supports").isNotNull();
        int chosen = SafeKernels.CANDIDATES.indexOf(verdict.isa());
        assertThat(verdict.refused()).containsOnlyKeys(SafeKernels.CANDIDATES.subList(0, chosen));
        assertThat(verdict.refused().values()).allSatisfy(reason -> assertThat(reason).contains("wrong for"));
        assertThat(verdict.flags()).isEqualTo(CpuInfo.current().kernelFlags());
        Path file = SafeKernels.verdictFile(cache);
        assertThat(file).isRegularFile();

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        SafeKernels.Verdict again = SafeKernels.verdict(cache, new PrintStream(second, true, StandardCharsets.UTF_8));
        assertThat(second.size()).as("nothing checked nor said the second time").isZero();
        assertThat(again).isEqualTo(verdict);
    }

    @Test
    void aDamagedOrOlderCacheIsNotTrusted() throws IOException {
        Path damaged = cache.resolve("damaged.json");
        Files.writeString(damaged, "{\"isa\": \"AVX2\", ");
        assertThat(SafeKernels.read(damaged)).isEmpty();

        Path older = cache.resolve("older.json");
        Files.writeString(older, "{\"cpu\":\"x\",\"flags\":[],\"engine\":\"e\",\"checkVersion\":0,\"isa\":\"default\","
                + "\"refused\":{},\"checked\":\"2026-01-01T00:00:00Z\"}");
        assertThat(SafeKernels.read(older)).as("written by an older check").isEmpty();
    }
}

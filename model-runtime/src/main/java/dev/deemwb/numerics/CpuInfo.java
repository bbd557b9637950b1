package dev.deemwb.numerics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The processor as the kernels see it: its model name and the instruction-set flags that choose them. */
public record CpuInfo(String model, Set<String> flags) {

    /** The flags that decide which oneDNN and ATen kernels run (x86); the rest do not matter here. */
    public static final List<String> KERNEL_FLAGS = List.of("sse4_1", "avx", "avx2", "fma", "f16c", "avx512f",
            "avx512bw", "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16");

    public CpuInfo {
        flags = Set.copyOf(flags);
    }

    /** From {@code /proc/cpuinfo} on Linux; elsewhere the OS architecture and no flags. */
    public static CpuInfo current() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        String model = System.getProperty("os.arch");
        Set<String> flags = new TreeSet<>();
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo)) {
                    String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).trim() : "";
                    if (line.startsWith("model name")) {
                        model = value;
                    } else if (line.startsWith("flags") && flags.isEmpty()) {
                        flags.addAll(Arrays.asList(value.split("\\s+")));
                    }
                }
            } catch (IOException e) {
                // An unreadable cpuinfo leaves the architecture name: the check still runs, only the cache key is coarser.
            }
        }
        flags.retainAll(KERNEL_FLAGS);
        return new CpuInfo(model, flags);
    }

    /** The kernel flags present, in {@link #KERNEL_FLAGS}' order. */
    public List<String> kernelFlags() {
        return KERNEL_FLAGS.stream().filter(flags::contains).toList();
    }
}

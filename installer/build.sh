#!/usr/bin/env bash
# Builds the packaged workbench with jpackage (JDK 17): a jlinked runtime, the app's jars with the DJL CPU
# natives (so the first start needs no network), assets/ and sample-images/.
#
#   installer/build.sh [app-image|deb|all]     (default: app-image)
#
# Output in installer/target/: deem-workbench/ (the app-image; run deem-workbench/bin/deem-workbench) and
# deem-workbench_<version>_amd64.deb. Set MVN_FLAGS (e.g. "-o") for Maven; SKIP_MAVEN=1 reuses built jars.
# Windows (.msi, needs WiX 3) and macOS (.dmg) are built on those systems with the same steps: README, "Install".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
type="${1:-app-image}"
case "$type" in app-image|deb|all) ;; *) echo "usage: installer/build.sh [app-image|deb|all]" >&2; exit 2 ;; esac

name=deem-workbench
version=0.1.0
out="$root/installer/target"
input="$out/input"
runtime="$out/runtime"
# What the app and its libraries use (jdeps on our jars plus the libraries' needs: java.desktop for
# ImageIO and JavaFX's Swing bridge, java.sql for Jackson, jdk.unsupported for JavaFX and DJL,
# java.net.http and jdk.crypto.ec for remote endpoints over https, jdk.httpserver for the serve command).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"

for tool in jlink jpackage; do
  [[ -x "$java_home/bin/$tool" ]] || { echo "installer: $java_home/bin/$tool not found (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
done
[[ -d "$java_home/jmods" ]] || { echo "installer: $java_home/jmods is missing; jlink needs the JDK's jmods" >&2; exit 1; }

if [[ -z "${SKIP_MAVEN:-}" ]]; then
  echo "installer: building the jars (mvn package)..." >&2
  rm -rf "$input"
  # One invocation, so the app's copy-dependencies finds model-runtime's freshly packaged jar in the reactor.
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} -DskipTests -pl app -am package dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$input")
fi
[[ -d "$input" ]] || { echo "installer: $input is missing; run without SKIP_MAVEN first" >&2; exit 1; }
cp "$root/app/target/app-0.1.0-SNAPSHOT.jar" "$input/"
rm -rf "$input/assets" "$input/sample-images"
cp -r "$root/assets" "$root/sample-images" "$input/"

echo "installer: jlink runtime ($modules)..." >&2
rm -rf "$runtime"
# Native commands stay: the kernel check runs child JVMs from java.home/bin/java (see SafeKernels).
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$runtime"

common=(--name "$name" --app-version "$version" --vendor "DEEM Workbench"
        --description "Why multimodal models hallucinate, and how a diffusion model's feedback helps them see")
image=(--runtime-image "$runtime" --input "$input" --main-jar app-0.1.0-SNAPSHOT.jar
       --main-class dev.deemwb.app.Launcher --icon "$root/installer/$name.png"
       # $APPDIR is the only location jpackage expands here ($HOME is not): the bundle and samples are read
       # from the install; user data goes to the XDG folders (AppDirs), never beside the binaries.
       --java-options '-Ddeemwb.bundle=$APPDIR/assets/models/mini-deem'
       --java-options '-Ddeemwb.samples=$APPDIR/sample-images'
       --java-options '-Dai.djl.offline=true' --java-options '-Xmx1g')

if [[ "$type" == app-image || "$type" == all ]]; then
  echo "installer: jpackage app-image..." >&2
  rm -rf "${out:?}/$name"
  "$java_home/bin/jpackage" --type app-image "${common[@]}" "${image[@]}" --dest "$out"
  echo "installer: app-image $(du -sm "$out/$name" | cut -f1) MB in $out/$name" >&2
fi
if [[ "$type" == deb || "$type" == all ]]; then
  command -v fakeroot >/dev/null || { echo "installer: a .deb needs fakeroot (apt-get install fakeroot)" >&2; exit 1; }
  echo "installer: jpackage deb..." >&2
  rm -f "$out/${name}_${version}"*.deb
  # jpackage's computed Depends lacks GTK (JavaFX loads it with dlopen); it adds xdg-utils for the menu entry.
  "$java_home/bin/jpackage" --type deb "${common[@]}" "${image[@]}" --dest "$out" \
      --resource-dir "$root/installer/linux" --linux-shortcut --linux-app-category science \
      --linux-menu-group "Education;Science;" --linux-package-deps libgtk-3-0
  echo "installer: $(ls "$out"/*.deb) $(du -m "$out"/*.deb | cut -f1) MB" >&2
fi

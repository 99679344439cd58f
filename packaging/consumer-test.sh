#!/usr/bin/env bash
# The outside-consumer test: what a user gets from the packages, not what the repo's own projects get.
#   1. pack every package into a fresh local folder feed (artifacts/consumer/feed) with a version no cache can hold;
#      the runtime package depends on TorchSharp-cpu alone (ProbDsl.Datasets, optional, on the runtime);
#   2. install the template into a private template hive, `dotnet new probdsl` in a temporary folder outside the repo;
#   3. restore with a fresh NuGet packages folder (the ProbDsl packages can only come from the feed; TorchSharp and
#      the rest from the normal sources, read through the usual global packages folder as a fallback), build, and
#      run a short training; check its output and the size of bin/;
#      publish it and run the published app;
#   4. add a broken .pdsl and an invalid ProbDslHoisting value: the build must fail at file(line,col) and name the
#      option (the analyzer and the CompilerVisibleItemMetadata lines come from the package).
# Prints one line per check and, last, "consumer test: N passed, N failed"; exits 1 if any check failed.
# Usage: packaging/consumer-test.sh [--keep]   (--keep leaves the temporary project for inspection)
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/artifacts/consumer"
keep=false; [ "${1:-}" = "--keep" ] && keep=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0; failed=0
pass() { passed=$((passed + 1)); echo "consumer PASS: $*"; }
fail() { failed=$((failed + 1)); echo "consumer FAIL: $*"; }
finish() {
    echo "consumer test: $passed passed, $failed failed ($SECONDS s)"
    [ "$keep" = true ] || { [ -n "${work:-}" ] && rm -rf "$work"; }
    [ "$failed" -eq 0 ] && exit 0 || exit 1
}
step() { local start=$SECONDS; "$@"; local rc=$?; echo "  ($((SECONDS - start)) s: $*)" | cut -c1-160; return $rc; }

rm -rf "$out"; mkdir -p "$out"
suffix="consumer.$(date -u +%Y%m%d%H%M%S)"
version="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/build/Packaging.props")-$suffix"
feed="$out/feed"
fallback="$(dotnet nuget locals global-packages -l | sed 's/^global-packages: *//')"
work="$(mktemp -d "${TMPDIR:-/tmp}/probdsl-consumer.XXXXXX")"
case "$work" in "$repo"/*) echo "temporary folder $work is inside the repo"; exit 2 ;; esac
echo "consumer test: version $version, feed $feed, project $work/MyModel"

# 1. Pack (the README's command, into the test's own feed).
if step dotnet pack "$repo/packaging/ProbDsl.Packages.slnf" -c Release -o "$feed" -p:VersionSuffix="$suffix" > "$out/pack.log" 2>&1 \
   && [ -f "$feed/ProbDsl.$version.nupkg" ] && [ -f "$feed/ProbDsl.Templates.$version.nupkg" ]; then
    pass "packed $(cd "$feed" && ls *.nupkg | tr '\n' ' ')"
else
    fail "dotnet pack (see $out/pack.log)"; tail -20 "$out/pack.log"; finish
fi

# The runtime package is lean: ProbDsl.Inference depends on TorchSharp-cpu alone (no Spectre.Console, no data-set
# code); MNIST and the file readers are the optional ProbDsl.Datasets, which depends on the runtime.
nuspec() { unzip -p "$feed/$1.$version.nupkg" "$1.nuspec" 2>/dev/null | grep -o '<dependency id="[^"]*"' | sed 's/.*id="//;s/"//' | sort | paste -sd ' ' -; }
if command -v unzip >/dev/null 2>&1; then
    inference_deps="$(nuspec ProbDsl.Inference)"; datasets_deps="$(nuspec ProbDsl.Datasets)"
    if [ "$inference_deps" = "TorchSharp-cpu" ] && [ "$datasets_deps" = "ProbDsl.Inference" ] \
       && ! unzip -l "$feed/ProbDsl.Inference.$version.nupkg" | grep -q "ProbDsl.Datasets"; then
        pass "ProbDsl.Inference depends on: ${inference_deps}; ProbDsl.Datasets on: ${datasets_deps}"
    else
        fail "package dependencies: ProbDsl.Inference on '${inference_deps}' (want TorchSharp-cpu only), ProbDsl.Datasets on '${datasets_deps}' (want ProbDsl.Inference)"
    fi
else
    echo "consumer test: no unzip, package dependencies not inspected"
fi

# 2. Template, in a private hive so the user's installed templates are left alone.
hive="$out/template-hive"
if step dotnet new install "$feed/ProbDsl.Templates.$version.nupkg" --debug:custom-hive "$hive" > "$out/new.log" 2>&1 \
   && (cd "$work" && step dotnet new probdsl -o MyModel --debug:custom-hive "$hive") >> "$out/new.log" 2>&1 \
   && [ -f "$work/MyModel/MyModel.csproj" ] && [ -f "$work/MyModel/model.pdsl" ]; then
    pass "dotnet new probdsl created $(cd "$work/MyModel" && ls | tr '\n' ' ')"
else
    fail "dotnet new (see $out/new.log)"; tail -20 "$out/new.log"; finish
fi

# 3. Build and run as the user would, ProbDsl from the feed only.
export NUGET_PACKAGES="$out/nuget-packages"
project="$work/MyModel"
fallback_arg=(); [ -d "$fallback" ] && fallback_arg=(-p:RestoreAdditionalProjectFallbackFolders="$fallback")
if (cd "$project" && step dotnet build -c Release "${fallback_arg[@]}" > "$out/build.log" 2>&1); then
    pass "restore + build"
else
    fail "restore + build (see $out/build.log)"; grep -E "error|warning" "$out/build.log" | sort -u | head -20
fi
assets="$project/obj/project.assets.json"
if [ -f "$assets" ] && grep -q "\"ProbDsl/$version\"" "$assets" && [ -d "$NUGET_PACKAGES/probdsl/$version" ] \
   && cmp -s "$feed/ProbDsl.$version.nupkg" "$NUGET_PACKAGES/probdsl/$version/probdsl.$version.nupkg"; then
    pass "ProbDsl $version restored from the local feed"
else
    fail "ProbDsl $version was not restored from $feed"
fi

(cd "$project" && step dotnet run -c Release --no-build -- --epochs 3) > "$out/run.log" 2>&1; run=$?
sed 's/^/  | /' "$out/run.log" | tail -6
accuracy="$(sed -n 's/^final test accuracy \([0-9.]*\)%.*/\1/p' "$out/run.log")"
if [ "$run" -eq 0 ] && [ -n "$accuracy" ] && awk "BEGIN { exit !($accuracy >= 60) }"; then
    pass "trained 3 epochs with the generated trainer: test accuracy $accuracy% (chance 25%)"
else
    fail "training run (exit $run, accuracy '${accuracy}'; see $out/run.log)"; grep -m3 -iE "exception|error" "$out/run.log" | cut -c1-300
fi

# MKL's fast path reaches users: the package builds the shim into their program (and the tool carries it). Where it
# applies (non-Intel x86-64 with AVX2 and FMA, a C compiler at build time) the program must say it is on.
fast_path_expected() { [ "$(uname -m)" = x86_64 ] && ! grep -q GenuineIntel /proc/cpuinfo && grep -qw avx2 /proc/cpuinfo \
    && grep -qw fma /proc/cpuinfo && command -v cc >/dev/null 2>&1; }
check_fast_path() { # $1: log, $2: what ran
    local line; line="$(grep -m1 '^BLAS:' "$1")"
    if [ -z "$line" ]; then fail "$2 does not print which BLAS path is active (see $1)"
    elif fast_path_expected && ! grep -q 'MKL fast path ON' <<< "$line"; then fail "$2: $line"
    else pass "$2: $line"; fi
}
check_fast_path "$out/run.log" "the template's program"

bin="$project/bin/Release/net10.0"
size_mb=$(( $(du -sb "$project/bin" | cut -f1) / 1000000 ))
others="$(find "$bin" -path '*/runtimes/*' \( -name '*.dll' -o -name '*.dylib' \) 2>/dev/null | head -3)"
if [ -f "$bin/MyModel.dll" ] && [ -f "$bin/runtimes/linux-x64/native/libtorch_cpu.so" ] && [ -z "$others" ] && [ "$size_mb" -lt 800 ]; then
    pass "bin/ holds one RID's natives: $size_mb MB ($(ls -d "$bin"/runtimes/* 2>/dev/null | xargs -n1 basename | tr '\n' ' '))"
else
    fail "bin/ is $size_mb MB, not one build of MyModel with linux-x64 natives only (other platforms': ${others:-none})"
fi

# Publish copies the natives from the NuGet cache, not from bin/: the fix (and the one-RID rule) must hold there too.
if (cd "$project" && step dotnet publish -c Release --no-build -o "$work/publish" > "$out/publish.log" 2>&1) \
   && (cd "$work" && dotnet publish/MyModel.dll --epochs 1 > "$out/publish-run.log" 2>&1) \
   && grep -q "^final test accuracy" "$out/publish-run.log" && [ ! -d "$work/publish/runtimes/win-x64" ]; then
    pass "the published app runs: $(( $(du -sb "$work/publish" | cut -f1) / 1000000 )) MB ($(ls "$work/publish/runtimes" | tr '\n' ' '))"
else
    fail "publish (see $out/publish.log, $out/publish-run.log)"; grep -m3 -iE "exception|error" "$out/publish.log" "$out/publish-run.log" | cut -c1-300
fi

# 4. A broken model fails the build at its file(line,col); an invalid option value is an error, not ignored.
printf 'model Broken {\n  data x : Bernoulli[4]\n  latent z : Gaussian[2]\n}\n' > "$project/broken.pdsl"
sed -i 's:</Project>:  <ItemGroup><AdditionalFiles Update="model.pdsl" ProbDslHoisting="maybe" /></ItemGroup>\n</Project>:' "$project/MyModel.csproj"
(cd "$project" && step dotnet build -c Release --no-restore > "$out/broken.log" 2>&1); broken=$?
if [ "$broken" -ne 0 ] && grep -Eq "broken\.pdsl\(3,[0-9]+\)(: |,[0-9]+,[0-9]+\): )error PDSL" "$out/broken.log"; then
    pass "broken .pdsl fails the build: $(grep -Eo 'broken\.pdsl\([0-9,]+\): error PDSL[0-9]+' "$out/broken.log" | head -1)"
else
    fail "broken .pdsl: build exit $broken, no broken.pdsl(3,…) error (see $out/broken.log)"
fi
if grep -Eq "model\.pdsl.*error PDSL0902" "$out/broken.log"; then
    pass "ProbDslHoisting=\"maybe\" is seen by the generator: $(grep -Eo 'error PDSL0902: [^[]*' "$out/broken.log" | head -1)"
else
    fail "ProbDslHoisting metadata did not reach the generator (no PDSL0902; see $out/broken.log)"
fi

# 5. The probdsl tool from the feed (packaging/Tool/README.md): `check` on the template's model and on the broken one,
#    and a short `train` of the template's model on CSV files made here. The tool loads TorchSharp from its own folder,
#    which no build of the user's runs in, so this is what shows that the package carries the libstdc++ fix.
tool="$work/tool"
awk -v dir="$work" 'BEGIN { srand(1); for (i = 0; i < 400; i++) { c = i % 4; row = "";
    for (p = 0; p < 16; p++) { v = (int(p / 4) == c); if (rand() < 0.1) v = 1 - v; row = row (p ? "," : "") v }
    print row > (dir "/x.csv"); print c > (dir "/y.csv") } }'
if step dotnet tool install ProbDsl.Tool --tool-path "$tool" --add-source "$feed" --version "$version" > "$out/tool.log" 2>&1; then
    (cd "$project" && "$tool/probdsl" check model.pdsl) >> "$out/tool.log" 2>&1; good=$?
    (cd "$project" && "$tool/probdsl" check broken.pdsl) > "$out/tool-check.log" 2>&1; bad=$?
    if [ "$good" -eq 0 ] && [ "$bad" -eq 1 ] && grep -q '^broken\.pdsl(3,14): error PDSL' "$out/tool-check.log"; then
        pass "probdsl check: model.pdsl exit 0, broken.pdsl exit 1 with $(grep -o '^broken\.pdsl([0-9,]*): error PDSL[0-9]*' "$out/tool-check.log" | head -1)"
    else
        fail "probdsl check (exit $good on model.pdsl, $bad on broken.pdsl; see $out/tool.log, $out/tool-check.log)"
    fi
    (cd "$work" && step "$tool/probdsl" train "$project/model.pdsl" --data x=x.csv --label y=y.csv --labelled 20 --epochs 2 --out tool-run) > "$out/tool-train.log" 2>&1; trained=$?
    check_fast_path "$out/tool-train.log" "probdsl train from the tool package"
    if [ "$trained" -eq 0 ] && [ "$(wc -l < "$work/tool-run/epochs.csv")" -eq 3 ]; then
        pass "probdsl train from the tool package: $(grep -m1 -o 'epoch *2/2 .*nats' "$out/tool-train.log")"
    else
        fail "probdsl train (exit $trained; see $out/tool-train.log)"; grep -m3 -iE "exception|error" "$out/tool-train.log" | cut -c1-300
    fi
else
    fail "dotnet tool install ProbDsl.Tool (see $out/tool.log)"; tail -5 "$out/tool.log"
fi
finish

#!/usr/bin/env bash
# M1+M2 (examples/M2Mnist --model M1M2, the example's defaults) on real MNIST for several label counts and label
# draws, 50 epochs of M2 each; writes labels-L/seedK/train.log and, at the end, the table of results.md.
# Resumable: a finished run is skipped, an unfinished one continues from its checkpoint (M2's; an M1 cut short is
# trained again). Usage: bash docs/m1m2/run.sh   (LABELS="100 600", SEEDS="0 1 2", JOBS=2 to choose)
set -euo pipefail
cd "$(dirname "$0")/../.."
labels="${LABELS:-100 600 1000 3000}"
seeds="${SEEDS:-0 1 2}"
jobs="${JOBS:-2}"
epochs=50
example=examples/M2Mnist/bin/Release/net10.0/M2Mnist.dll

dotnet build examples/M2Mnist -c Release -v quiet -nologo >/dev/null

finished() { grep -q "^epoch  *$epochs/$epochs " "$1/train.log" 2>/dev/null; }

run_one() {
    local count=$1 seed=$2 dir="docs/m1m2/labels-$1/seed$2"
    mkdir -p "$dir"
    if finished "$dir"; then echo "labels $count, seed $seed: finished"; return; fi
    local resume=()
    [ -f "$dir/m2.ckpt" ] && resume=(--resume "$dir/m2.ckpt")
    echo "labels $count, seed $seed: training${resume:+ (resuming)}"
    # One thread per run: two runs side by side use a 2-core machine fully without oversubscribing it.
    echo "\$ dotnet $example --labels $count --epochs $epochs --seed $seed --threads 1 --checkpoint $dir/m2.ckpt ${resume[*]}" >> "$dir/train.log"
    # The console's colour codes are dropped so that the committed logs read as plain text.
    dotnet "$example" --labels "$count" --epochs "$epochs" --seed "$seed" --threads 1 --checkpoint "$dir/m2.ckpt" "${resume[@]}" 2>&1 |
        sed -u 's/\x1b\[[0-9;]*m//g' >> "$dir/train.log"
}
export -f run_one finished
export epochs example

for count in $labels; do for seed in $seeds; do echo "$count $seed"; done; done |
    xargs -P "$jobs" -L 1 bash -c 'run_one "$0" "$1"'

bash docs/m1m2/table.sh > docs/m1m2/results.md
cat docs/m1m2/results.md

#!/usr/bin/env bash
# A stand-in for `probdsl train` in the Slurm tests: deterministic, a few seconds, resumable the same way.
#   fake-train.sh --epochs N [--sleep S] [--fail-at K] [--resume RUN_DIR]
# Each epoch sleeps S seconds and appends "epoch E attempt A" to epochs.txt in the current directory (the run
# directory); attempts.txt counts the starts. With --resume it continues after the epochs already in epochs.txt
# (on an empty run directory that is a fresh start); without it, it starts over from epoch 1, as a run that
# ignores its checkpoint would. When all epochs are written it creates the marker file `finished`.
# --fail-at K: on the first attempt, exit 3 instead of writing epoch K.
set -euo pipefail
epochs=3 pause=0.2 fail_at=0 resume=""
while [ $# -gt 0 ]; do
    case "$1" in
        --epochs) epochs="$2"; shift 2 ;;
        --sleep) pause="$2"; shift 2 ;;
        --fail-at) fail_at="$2"; shift 2 ;;
        --resume) resume="$2"; shift 2 ;;
        *) echo "fake-train: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ -n "$resume" ]; then
    cd "$resume"
    touch epochs.txt
else
    : >epochs.txt
    rm -f finished
fi
echo start >>attempts.txt
attempt=$(wc -l <attempts.txt)
done_epochs=$(wc -l <epochs.txt)
echo "fake-train: attempt $attempt, $done_epochs of $epochs epochs done"
for ((epoch = done_epochs + 1; epoch <= epochs; epoch++)); do
    sleep "$pause"
    if [ "$epoch" -eq "$fail_at" ] && [ "$attempt" -eq 1 ]; then
        echo "fake-train: failing at epoch $epoch as asked" >&2
        exit 3
    fi
    echo "epoch $epoch attempt $attempt" >>epochs.txt
    echo "fake-train: epoch $epoch"
done
touch finished
echo "fake-train: finished"

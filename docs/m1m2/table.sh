#!/usr/bin/env bash
# The table of docs/m1m2/results.md from the runs' logs: test accuracy and exact test ELBO after the last epoch,
# per label draw, and their mean ± sample sd.
set -euo pipefail
cd "$(dirname "$0")"
echo "| labels | seed 0 | seed 1 | seed 2 | mean ± sd (test accuracy) | test ELBO (nats, mean) |"
echo "|---|---|---|---|---|---|"
for dir in $(ls -d labels-* 2>/dev/null | sort -t- -k2 -n); do
    count=${dir#labels-}
    for seed in 0 1 2; do
        log="$dir/seed$seed/train.log"
        grep -h "^epoch  *50/50 " "$log" 2>/dev/null | tail -1 |
            sed -E 's/.*test ELBO +(-?[0-9.]+) nats.*\(accuracy ([0-9.]+)%\).*/\2 \1/' || true
    done | awk -v count="$count" '
        NF == 2 { n++; acc[n] = $1; elbo += $2 }
        END {
            printf "| %s |", count
            for (i = 1; i <= 3; i++) printf " %s |", (i <= n ? sprintf("%.2f%%", acc[i]) : "–")
            if (n < 2) { print " – | – |"; exit }
            for (i = 1; i <= n; i++) mean += acc[i] / n
            for (i = 1; i <= n; i++) var += (acc[i] - mean) ^ 2 / (n - 1)
            printf " **%.2f ± %.2f%%** (%d draws) | %.2f |\n", mean, sqrt(var), n, elbo / n
        }'
done

using System.Globalization;
using System.IO;
using System.Linq;

namespace ProbDsl.Cli.Tests;

/// <summary>One row of the epochs.csv a training run writes.</summary>
internal sealed record EpochRow(int Epoch, double TrainLoss, double TestElbo, double? TestError)
{
    public static EpochRow[] Read(string directory) =>
        File.ReadAllLines(Path.Combine(directory, "epochs.csv")).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return new EpochRow(int.Parse(f[0], CultureInfo.InvariantCulture), Number(f[1]), Number(f[2]),
                f[3].Length == 0 ? null : Number(f[3]));
        }).ToArray();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Inference.Training;
using Spectre.Console;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>The run's summary: one row per epoch.</summary>
internal static class ResultTable
{
    public static void Print(IReadOnlyList<EpochReport> reports)
    {
        var table = new Table().AddColumns("epoch", "train loss", "test ELBO (nats)", "test error", "test accuracy", "seconds");
        foreach (var r in reports)
            table.AddRow(
                r.Epoch.ToString(CultureInfo.InvariantCulture),
                r.TrainLoss.ToString("F2", CultureInfo.InvariantCulture),
                r.TestElbo.ToString("F2", CultureInfo.InvariantCulture),
                (r.TestError * 100).ToString("F2", CultureInfo.InvariantCulture) + "%",
                (r.TestAccuracy * 100).ToString("F2", CultureInfo.InvariantCulture) + "%",
                r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }
}

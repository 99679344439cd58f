using System.Collections.Generic;
using System.Globalization;
using ProbDsl.Inference.Training;
using Spectre.Console;

namespace ProbDsl.Examples.Common;

/// <summary>The run's summary: one row per epoch.</summary>
public static class ResultTable
{
    /// <param name="withClassification">Test error and accuracy columns; off for models without a label.</param>
    public static void Print(IReadOnlyList<EpochReport> reports, bool withClassification = true)
    {
        var columns = withClassification
            ? new[] { "epoch", "train loss", "test ELBO (nats)", "test error", "test accuracy", "seconds" }
            : new[] { "epoch", "train loss", "test ELBO (nats)", "seconds" };
        var table = new Table().AddColumns(columns);
        foreach (var r in reports)
        {
            var cells = new List<string> { r.Epoch.ToString(CultureInfo.InvariantCulture), Nats(r.TrainLoss), Nats(r.TestElbo) };
            if (withClassification)
                cells.AddRange(new[] { Percent(r.TestError), Percent(r.TestAccuracy) });
            cells.Add(r.Seconds.ToString("F1", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
    }

    /// <summary>What the test columns measured, printed under the table.</summary>
    public static string Legend(int elboEvery) =>
        "test error/accuracy: argmax q(y|x) on the whole test set, every epoch; test ELBO: the exact bound U(x) (every class enumerated) on the whole test set, "
        + (elboEvery == 1 ? "every epoch" : $"every {elboEvery} epochs and after the last (--elbo-every), '-' elsewhere");

    private static string Nats(double? value) => value?.ToString("F2", CultureInfo.InvariantCulture) ?? "-";

    private static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}

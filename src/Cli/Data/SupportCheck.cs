using System;
using System.Globalization;
using System.Linq;
using ProbDsl.Datasets;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Cli.Data;

/// <summary>
/// Checks a user's array against the variable it is bound to — shape first, then every value against the
/// family's support — so that a mismatch is one message naming the variable, the file and the first offending
/// value (with how many there are), instead of a NaN loss or a shape error deep inside TorchSharp.
/// </summary>
internal static class SupportCheck
{
    /// <summary>
    /// Rows of <paramref name="array"/> as [N, size] float32 features, divided by <paramref name="divideBy"/> (e.g. 255
    /// for 8-bit pixels), checked against <paramref name="variable"/>.
    /// </summary>
    public static float[] Features(NpyArray array, VariableIr variable, Binding binding, double divideBy, out int rows)
    {
        rows = RowsOf(array, variable, binding);
        var values = array.ToSingles();
        if (divideBy != 1)
            for (var i = 0; i < values.Length; i++)
                values[i] = (float)(values[i] / divideBy);
        var problem = variable.Family switch
        {
            DistributionFamily.Bernoulli => FirstOutside(values, v => v is >= 0 and <= 1, "[0, 1]"),
            DistributionFamily.Normal => FirstOutside(values, float.IsFinite, "the finite real numbers"),
            DistributionFamily.LogNormal => FirstOutside(values, v => float.IsFinite(v) && v > 0, "the positive reals (0, ∞)"),
            DistributionFamily.Beta => FirstOutside(values, v => v is > 0 and < 1, "the open interval (0, 1)"),
            DistributionFamily.OneHotCategorical => FirstNotOneHot(values, variable.Size),
            // The code generator rejects other data families (PDSL0901), so a model that compiled never gets here.
            _ => throw new UserError($"{binding}: {variable.Family} data cannot be trained."),
        };
        if (problem is (long index, string rule))
        {
            var (row, column) = (index / variable.Size, index % variable.Size);
            throw new UserError($"{binding}: {Describe(variable)} — {rule}; first at row {row}, column {column} (value {Show(values[index])}){Hint(array, variable)}.");
        }
        return values;
    }

    /// <summary>Class indices [N] for a label with <c>variable.Size</c> classes: integers in 0..K-1, one per feature row.</summary>
    public static long[] Labels(NpyArray array, VariableIr variable, Binding binding, int featureRows)
    {
        var shape = array.Shape;
        if (!(shape.Count == 1 || (shape.Count == 2 && shape[1] == 1)))
            throw new UserError($"{binding}: shape ({Shape(array)}), but {Describe(variable)} takes one class index per row: shape (N,) with integers 0..{variable.Size - 1}.");
        if (shape[0] != featureRows)
            throw new UserError($"{binding}: {shape[0]} labels for {featureRows} data rows; give one label per row of the data file.");
        var labels = new long[shape[0]];
        for (var i = 0; i < labels.Length; i++)
        {
            var value = array[i];
            if (value != Math.Floor(value) || value < 0 || value >= variable.Size)
                throw new UserError($"{binding}: {Describe(variable)} takes class indices 0..{variable.Size - 1}; row {i} holds {Show(value)}.");
            labels[i] = (long)value;
        }
        return labels;
    }

    private static int RowsOf(NpyArray array, VariableIr variable, Binding binding)
    {
        var shape = array.Shape;
        var perRow = shape.Skip(1).Aggregate(1L, (n, d) => n * d);
        if (shape.Count < 2 || perRow != variable.Size)
            throw new UserError($"{binding}: shape ({Shape(array)}), but {Describe(variable)} needs {variable.Size} values per row: shape (N, {variable.Size}) (or (N, …) with {variable.Size} values per row, flattened in C order).");
        if (shape[0] > int.MaxValue)
            throw new UserError($"{binding}: {shape[0]} rows are more than one run can index; split the data.");
        return (int)shape[0];
    }

    private static (long, string)? FirstOutside(float[] values, Func<float, bool> inSupport, string support)
    {
        var first = Array.FindIndex(values, v => !inSupport(v));
        if (first < 0)
            return null;
        var count = values.LongCount(v => !inSupport(v));
        return (first, $"{count} value{(count == 1 ? "" : "s")} outside {support}");
    }

    private static (long, string)? FirstNotOneHot(float[] values, int size)
    {
        for (var row = 0; row * size < values.Length; row++)
        {
            var slice = new ArraySegment<float>(values, row * size, size);
            if (slice.Any(v => v is not (0 or 1)) || slice.Sum() != 1)
            {
                var bad = slice.Select((v, i) => (v, i)).FirstOrDefault(p => p.v is not (0 or 1)).i;
                return (row * (long)size + bad, "a row that is not one-hot (every value 0 or 1, exactly one 1)");
            }
        }
        return null;
    }

    /// <summary>The usual slip with image files: 8-bit pixels where probabilities are expected.</summary>
    private static string Hint(NpyArray array, VariableIr variable) =>
        array.Dtype == NpyDtype.UInt8 && variable.Family is DistributionFamily.Bernoulli or DistributionFamily.Beta
            ? "; these look like 8-bit pixels 0..255: add --divide-by 255"
            : "";

    private static string Describe(VariableIr variable) => $"{variable.Name} : {variable.Family}[{variable.Size}]";

    private static string Shape(NpyArray array) => string.Join(", ", array.Shape) + (array.Shape.Count == 1 ? "," : "");

    private static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}

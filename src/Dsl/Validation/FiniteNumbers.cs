using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Validation;

/// <summary>
/// Every number in a model must be finite. The text cannot write NaN, and the parser refuses a literal that
/// overflows to infinity (PDSL0002), but the fluent API takes doubles: <c>SemiSupervised(alpha: double.PositiveInfinity)</c>
/// or <c>Relax("y", tau0: double.NaN)</c> would slip past every range check (NaN compares false) and train to NaN.
/// Reported with the same ID, at the value. Distribution constants are checked too, for IR from any front end.
/// </summary>
internal static class FiniteNumbers
{
    private const string Reason = "numbers in a model must be finite";

    public static void Check(ModelIr model, string filePath, List<DslDiagnostic> diagnostics)
    {
        void Require(double value, SourceSpan span)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
                diagnostics.Add(DiagnosticDescriptors.NumberOutOfRange.Create(filePath, span, value.ToString(CultureInfo.InvariantCulture), Reason));
        }

        foreach (var factor in model.Factors.Concat(model.Guides.SelectMany(g => g.Factors)))
            foreach (var argument in factor.Distribution.Arguments)
                if (argument.Value is NumberExpr number)
                    Require(number.Value, argument.Meta.Span);
        foreach (var inference in model.Inference)
        {
            if (inference.Relaxation is { } relaxation)
                foreach (var value in new[] { relaxation.Tau0, relaxation.TauMin, relaxation.Rate })
                    Require(value, relaxation.Meta.Span);
            if (inference.Reinforce is { } reinforce)
                Require(reinforce.Decay, reinforce.Meta.Span);
        }
        Require(model.Objective.Alpha, model.Objective.Meta.Span);
    }
}

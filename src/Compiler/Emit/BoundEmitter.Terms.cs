using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;
using ProbDsl.Compiler.Planning;
using ProbDsl.Compiler.Naming;

namespace ProbDsl.Compiler.Emit;

/// <summary>
/// The bound split into named pieces that add up to it (what explains a non-finite loss): the same draws and terms
/// as the bound, but each term's expectation over the enumerated variables taken on its own instead of grouped.
/// </summary>
internal sealed partial class BoundEmitter
{
    /// <summary>The body of a method returning the named pieces of the bound of <paramref name="mode"/> (labelled or enumerated).</summary>
    public static void EmitTerms(SourceWriter w, GuidePlan plan, BoundMode mode) => new BoundEmitter(plan, w, mode).EmitTermList();

    private void EmitTermList()
    {
        EmitGuideAndModel();
        var names = TermNames();
        var entries = new List<(string Name, string Expression)>();
        foreach (var term in _terms)
        {
            var signed = term.Subtract ? (term.IsConstant ? $"-{term.Expression}" : $"{term.Expression}.neg()") : term.Expression;
            entries.Add((names[term.Expression], term.Dims == 0 ? signed : Expected(term.Dims, signed)));
        }
        foreach (var (variable, logQ) in _enumeratedLogQ)
            entries.Add(($"entropy H({_plan.Guide.FactorFor(variable)!.Signature('q')})", Expected(logQ.Dims, $"{logQ.Expression}.neg()")));
        _w.Line($"return new global::ProbDsl.Inference.Models.BoundTerms({X})");
        _w.Line("{");
        foreach (var (name, expression) in entries)
            _w.Line($"    {{ {Names.StringLiteral(name)}, {expression} }},");
        _w.Line("}.MoveToOuterDisposeScope();");
    }

    /// <summary>E_q[<paramref name="expression"/>] over the enumerated variables it depends on (and those their q's depend on).</summary>
    private string Expected(int dims, string expression)
    {
        var closure = Closure(dims);
        var variables = _enumerated.Where(v => (closure & Bit(v)) != 0).ToList();
        var logQ = string.Join(" + ", _enumeratedLogQ.Where(q => (closure & Bit(q.Variable)) != 0).Select(q => q.LogQ.Expression));
        var weight = variables.Count == 1 ? $"{logQ}.exp()" : $"({logQ}).exp()";
        var flattened = Rank == 1 ? "" : $".flatten(0, {Rank - 1})";
        return $"({weight} * {expression}){flattened}.sum(dim: 0)";
    }

    /// <summary>What each term local of the bound is, by the naming of <see cref="EmitModelFactor"/>.</summary>
    private Dictionary<string, string> TermNames()
    {
        var names = new Dictionary<string, string>();
        foreach (var factor in Model.Factors)
        {
            var variable = Model.FindVariable(factor.Target)!;
            var guide = _plan.Guide.FactorFor(factor.Target);
            names[_plan.Locals.LogP(factor.Target)] = variable.Role == VariableRole.Data
                ? $"likelihood log {factor.Signature('p')}"
                : $"prior log {factor.Signature('p')}";
            if (guide is not null)
            {
                names[_plan.Locals.Kl(factor.Target)] = $"-KL({guide.Signature('q')} || {factor.Signature('p')})";
                names[_plan.Locals.SampledLogQ(factor.Target)] = $"guide -log {guide.Signature('q')}";
            }
        }
        return names;
    }
}

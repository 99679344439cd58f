using System.Collections.Generic;
using System.Linq;
using ProbDsl.Compiler.Naming;
using ProbDsl.Compiler.Planning;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Emit;

/// <summary>Adds the terms up and takes the expectation over every enumerated dimension.</summary>
internal sealed partial class BoundEmitter
{
    private void EmitCombination()
    {
        var bound = Rank == 0 ? Sum(_terms) : EnumeratedExpectation();
        if (_mode == BoundMode.Scored)
            EmitScoreFunction(bound);
        else
            _w.Line($"var bound = {bound};");
    }

    /// <summary>
    /// E_q[Σ terms − log q] over the enumerated variables, each piece summed only over the variables it needs
    /// (variable elimination for guide-enumerated latents): a term over variables D is weighted by q of the
    /// closure A of D under the guide's dependencies — the marginal q(A) = Π_{i∈A} q_i(a_i | ·), since every
    /// other factor sums to one — and summed over A alone. Each −log q_i is such a term too (the entropy).
    /// Pieces with the same closure share one weighted sum; terms on no enumerated variable are added as they are.
    /// The grouping is the plan's (<see cref="BoundPlan.Groups"/>); the dimensions the code computes must agree with it.
    /// </summary>
    private string EnumeratedExpectation()
    {
        var pieces = _terms.Where(t => t.Dims != 0)
            .Concat(_enumeratedLogQ.Select(q => new Term("q:" + q.Variable, q.LogQ.Expression, true, q.LogQ.Dims, false)))
            .ToDictionary(t => t.Key);
        CheckAgainstPlan(pieces.Values);
        var sums = new List<Term>();
        foreach (var group in _bound.Groups)
        {
            var variables = group.Over;
            var logQ = string.Join(" + ", _enumeratedLogQ.Where(q => variables.Contains(q.Variable)).Select(q => q.LogQ.Expression));
            var weight = variables.Count == 1 ? $"{logQ}.exp()" : $"({logQ}).exp()";
            var flattened = Rank == 1 ? "" : $".flatten(0, {Rank - 1})";
            _w.Line($"// Expectation over {string.Join(", ", variables)} only.");
            var local = group.Local;
            _w.Line($"var {local} = ({weight} * ({Sum(group.Terms.Select(key => pieces[key]).ToList())})){flattened}.sum(dim: 0);");
            sums.Add(new Term("", local, false, 0, false));
        }
        return Sum(sums.Concat(_terms.Where(t => t.Dims == 0)).ToList());
    }

    /// <summary>The plan's groups are the closures of the dimensions the written code carries; anything else is a compiler bug.</summary>
    private void CheckAgainstPlan(IEnumerable<Term> pieces)
    {
        var written = pieces.GroupBy(t => Closure(t.Dims)).OrderByDescending(g => g.Key)
            .Select(g => string.Join(",", _enumerated.Where(v => (g.Key & Bit(v)) != 0)) + ":" + string.Join(",", g.Select(t => t.Key)));
        var planned = _bound.Groups.Select(g => string.Join(",", g.Over) + ":" + string.Join(",", g.Terms));
        if (!written.SequenceEqual(planned))
            throw new System.InvalidOperationException($"The bound {_bound.Method} of {_plan.ClassName} does not follow its plan.");
    }

    /// <summary>The smallest set of enumerated variables containing <paramref name="dims"/> and closed under "log q_i depends on".</summary>
    private int Closure(int dims)
    {
        var closure = dims;
        while (true)
        {
            var grown = _enumeratedLogQ.Where(q => (closure & Bit(q.Variable)) != 0).Aggregate(closure, (c, q) => c | q.LogQ.Dims);
            if (grown == closure)
                return closure;
            closure = grown;
        }
    }

    /// <summary>
    /// The learning signal f = L(x, y) - log q(y|x) for the sampled y; its surrogate has value f and gradient
    /// ∇f + (f - b)·∇log q(y|x). The baseline is read before it is updated, so it never depends on this sample.
    /// </summary>
    private void EmitScoreFunction(string boundGivenSample)
    {
        var reinforce = _plan.Reinforce!;
        _w.Line($"var signal = {boundGivenSample} - {LogQSample};");
        if (reinforce.Baseline == BaselineKind.None)
        {
            _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, baseline: 0.0);");
            return;
        }
        if (reinforce.Baseline == BaselineKind.Learned)
        {
            _w.Line($"// Baseline: the moving average plus a learned linear function of {_plan.Data.Name}, regressed onto the signal.");
            _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, this.{LearnedBaselineField}.call({X}) + this.{BaselineField}.Value);");
        }
        else
        {
            _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, this.{BaselineField}.Value);");
        }
        _w.Line("if (this.training)");
        _w.Line($"    this.{BaselineField}.Update(signal);");
    }

    /// <summary>Tensors first, so that every operator has a tensor on its left.</summary>
    private static string Sum(IReadOnlyList<Term> terms)
    {
        var ordered = terms.Where(t => !t.IsConstant).Concat(terms.Where(t => t.IsConstant)).ToList();
        var first = ordered[0].Subtract ? $"{ordered[0].Expression}.neg()" : ordered[0].Expression;
        return first + string.Concat(ordered.Skip(1).Select(t => (t.Subtract ? " - " : " + ") + t.Expression));
    }
}

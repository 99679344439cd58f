using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Generators.Emit;

/// <summary>Adds the terms up and takes the expectation over every enumerated dimension.</summary>
internal sealed partial class BoundEmitter
{
    private static string JointName(string prefix, IEnumerable<string> variables) =>
        prefix + string.Concat(variables.Select(Names.Pascal));

    private void EmitCombination()
    {
        var bound = Rank == 0 ? Sum(_terms) : EnumeratedExpectation();
        if (_mode == BoundMode.Scored)
            EmitScoreFunction(bound);
        else
            _w.Line($"var bound = {bound};");
    }

    /// <summary>
    /// Σ over the enumerated values of q(values)·(Σ dependent terms − log q(values)), plus the terms that depend on
    /// no enumerated variable (computed once per example). log q of the values is the sum of each variable's
    /// (possibly conditional) log q, broadcast over its dimensions.
    /// </summary>
    private string EnumeratedExpectation()
    {
        var dependent = _terms.Where(t => t.Dims != 0).ToList();
        var independent = _terms.Where(t => t.Dims == 0).ToList();
        var logQ = _enumeratedLogQ.Count == 1 ? _enumeratedLogQ[0].Expression : JointName("logQ", _enumerated);
        if (_enumeratedLogQ.Count > 1)
            _w.Line($"var {logQ} = {string.Join(" + ", _enumeratedLogQ.Select(v => v.Expression))};");
        var given = JointName("boundGiven", _enumerated);
        _w.Line($"// Terms that depend on {string.Join(", ", _enumerated)} carry their dimensions; the rest are [B] and were computed once.");
        _w.Line($"var {given} = {(dependent.Count == 0 ? $"zeros_like({logQ})" : Sum(dependent))};");
        var flattened = Rank == 1 ? "" : $".flatten(0, {Rank - 1})";
        var expectation = $"({logQ}.exp() * ({given} - {logQ})){flattened}.sum(dim: 0)";
        return Sum(new[] { new Term(expectation, false, 0, false) }.Concat(independent).ToList());
    }

    /// <summary>
    /// The learning signal f = L(x, y) - log q(y|x) for the sampled y; its surrogate has value f and gradient
    /// ∇f + (f - b)·∇log q(y|x). The baseline is read before it is updated, so it never depends on this sample.
    /// </summary>
    private void EmitScoreFunction(string boundGivenSample)
    {
        var reinforce = Model.Inference.First(i => i.Variable == _plan.Label.Name).Reinforce ?? ReinforceIr.Default;
        _w.Line($"var signal = {boundGivenSample} - {LogQSample};");
        if (reinforce.Baseline == BaselineKind.None)
        {
            _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, baseline: 0.0);");
            return;
        }
        _w.Line($"var bound = ScoreFunction.Surrogate(signal, {LogQSample}, this.{BaselineField}.Value);");
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

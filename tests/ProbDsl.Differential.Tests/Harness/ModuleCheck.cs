using System;
using System.Collections.Generic;
using System.Linq;
using ProbDsl.Differential.Tests.Interpreter;
using ProbDsl.Dsl.Ir;
using ProbDsl.Inference.Distributions;
using ProbDsl.Inference.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests.Harness;

/// <summary>
/// Checks one generated module (a model with one guide): each of its bounds, and the gradients of their batch
/// means, equal the interpreter's in analytic mode under the same noise; and the interpreter's analytic mode agrees
/// in expectation with its textbook mode (many rows of one x, independent noise per row), which checks the
/// interpreter's own KL rule.
/// </summary>
internal sealed class ModuleCheck
{
    public const int Batch = 4;
    public const int RowCount = 256;

    private readonly ModelIr _model;
    private readonly GuideIr _guide;
    private readonly Type _type;
    private readonly ulong _seed;
    private readonly List<Finding> _findings = new();

    public ModuleCheck(ModelIr model, GuideIr guide, Type type, ulong seed)
    {
        _model = model;
        _guide = guide;
        _type = type;
        _seed = seed;
    }

    /// <summary>How many analytic-versus-textbook comparisons were not trivially equal (some KL in closed form).</summary>
    public int StatisticalChecks { get; private set; }

    /// <summary>Analytic-versus-textbook comparisons left undecided: more than a tenth of the rows overflowed.</summary>
    public int InconclusiveChecks { get; private set; }

    /// <summary>Bounds with a row beyond ±1e8 or non-finite on either side: those rows and the gradients not compared.</summary>
    public int ExtremeComparisons { get; private set; }

    /// <summary>Variables whose generated draw had no batch dimension (one sample for the whole batch by default).</summary>
    public IReadOnlyCollection<string> SharedNoise { get; private set; } = System.Array.Empty<string>();

    public IReadOnlyList<Finding> Run()
    {
        manual_seed((long)(_seed % long.MaxValue));
        using var module = new GeneratedModule(_type);
        using var scope = NewDisposeScope();
        var generator = new Generator(_seed + 1);
        var data = _model.Variables.Single(v => v.Role == VariableRole.Data);
        var label = _model.Variables.FirstOrDefault(v => v.Role == VariableRole.Label);
        var inputs = new BoundInputs(DataSampler.Data(data, Batch, generator), GivenNoise.Draw(_model, Batch, generator),
            label is null ? null : DataSampler.Labels(label, Batch, generator), module.Temperature);
        var weights = module.Module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        foreach (var kind in Kinds(label))
        {
            var at = kind == BoundKind.Objective ? inputs with { Baseline = module.Baseline(inputs.X) } : inputs;
            Guarded(kind, "generated vs interpreter", () => CompareExactly(module, weights, kind, at), () => module.BoundWithLibtorchNoise(kind, at));
            Guarded(kind, "analytic vs textbook", () => CompareModes(weights, kind, at, generator));
        }
        if (label is not null)
            Guarded(BoundKind.Labelled, "report members", () => CheckReportMembers((ISemiSupervisedModel)module.Module, data, inputs, generator));
        else
        {
            var unsupervised = (IUnsupervisedModel)module.Module;
            Guarded(BoundKind.Unsupervised, "bound terms", () => CheckTermsAddUp("ELBO", () => unsupervised.Bound(inputs.X),
                () => unsupervised.BoundTerms(inputs.X), inputs));
            Guarded(BoundKind.Unsupervised, "latent members", () => CheckLatentMembers(unsupervised, inputs));
        }
        SharedNoise = inputs.Noise.SharedAcrossBatch.ToList();
        return _findings;
    }

    /// <summary>
    /// The members reports read, on every random model with a label: the bound's named terms add up to the bound
    /// under the same noise; GuideMean of each continuous latent is [B, size] (or refused as documented);
    /// GenerateMean is [B, data size].
    /// </summary>
    private void CheckReportMembers(ISemiSupervisedModel model, VariableIr data, BoundInputs inputs, Generator generator)
    {
        using var noGrad = no_grad();
        var pairs = new (string Kind, Func<Tensor> Bound, Func<IReadOnlyList<(string Name, Tensor PerExample)>> Terms)[]
        {
            ("labelled", () => model.LabelledBound(inputs.X, inputs.Label!), () => model.LabelledBoundTerms(inputs.X, inputs.Label!)),
            ("unlabelled", () => model.UnlabelledBound(inputs.X), () => model.UnlabelledBoundTerms(inputs.X)),
        };
        foreach (var (kind, bound, terms) in pairs)
            CheckTermsAddUp(kind, bound, terms, inputs);
        var noise = new List<Tensor>();
        foreach (var latent in model.ContinuousLatents)
        {
            var size = _model.FindVariable(latent)!.Size;
            noise.Add(randn(new long[] { Batch, size }, dtype: float64, generator: generator));
            CheckGuideMean(model.GuideMean, latent, inputs);
        }
        var generated = model.GenerateMean(inputs.Label!, noise);
        if (!generated.shape.SequenceEqual(new long[] { Batch, data.Size }))
            _findings.Add(new Finding(_guide.Name, "GenerateMean", $"shape [{string.Join(", ", generated.shape)}], expected [{Batch}, {data.Size}]"));
    }

    /// <summary>E_q of <paramref name="latent"/> is [B, size], or refused as documented (its guide factor reads a continuous latent); the mean, or null.</summary>
    private Tensor? CheckGuideMean(Func<string, Tensor, Tensor> guideMean, string latent, BoundInputs inputs)
    {
        var size = _model.FindVariable(latent)!.Size;
        try
        {
            var mean = guideMean(latent, inputs.X);
            if (!mean.shape.SequenceEqual(new long[] { Batch, size }))
                _findings.Add(new Finding(_guide.Name, $"GuideMean of {latent}", $"shape [{string.Join(", ", mean.shape)}], expected [{Batch}, {size}]"));
            return mean;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// On every random model without a label: GuideMean of each continuous latent as for a model with one; where
    /// GuideNormal offers q(v | x) as a Normal, its loc and scale are [B, size], the scale positive, and the loc is the mean.
    /// </summary>
    private void CheckLatentMembers(IUnsupervisedModel model, BoundInputs inputs)
    {
        using var noGrad = no_grad();
        foreach (var latent in model.ContinuousLatents)
        {
            var mean = CheckGuideMean(model.GuideMean, latent, inputs);
            (Tensor Loc, Tensor Scale) normal;
            try
            {
                normal = model.GuideNormal(latent, inputs.X);
            }
            catch (NotSupportedException)
            {
                continue; // Not a Normal of the data alone: refused as documented.
            }
            var expected = new long[] { Batch, _model.FindVariable(latent)!.Size };
            if (!normal.Loc.shape.SequenceEqual(expected) || !normal.Scale.shape.SequenceEqual(expected))
                _findings.Add(new Finding(_guide.Name, $"GuideNormal of {latent}", $"shapes [{string.Join(", ", normal.Loc.shape)}] and [{string.Join(", ", normal.Scale.shape)}], expected [{string.Join(", ", expected)}]"));
            else if (!normal.Scale.gt(0).all().ToBoolean())
                _findings.Add(new Finding(_guide.Name, $"GuideNormal of {latent}", "a scale is not positive"));
            else if (mean is null || !mean.equal(normal.Loc).all().ToBoolean())
                _findings.Add(new Finding(_guide.Name, $"GuideNormal of {latent}", "its loc is not GuideMean, though q is that Normal"));
        }
    }

    /// <summary>The bound's named terms add up to the bound under the same given noise.</summary>
    private void CheckTermsAddUp(string kind, Func<Tensor> bound, Func<IReadOnlyList<(string Name, Tensor PerExample)>> terms, BoundInputs inputs)
    {
        using var noGrad = no_grad();
        double[] expected, sum;
        using (Noise.Use(inputs.Noise))
        {
            expected = bound().to(float64).data<double>().ToArray();
            sum = terms().Select(t => t.PerExample).Aggregate((a, b) => a + b).to(float64).data<double>().ToArray();
        }
        var moderate = Enumerable.Range(0, expected.Length).Where(i => IsModerate(expected[i]) && IsModerate(sum[i])).ToList();
        var difference = Tolerances.RelativeDifference(moderate.Select(i => sum[i]).ToArray(), moderate.Select(i => expected[i]).ToArray());
        if (!Tolerances.Within(difference, Tolerances.Value))
            _findings.Add(new Finding(_guide.Name, $"{kind} bound terms", $"sum of terms [{Format(sum)}], bound [{Format(expected)}] (relative difference {difference:G3})"));
    }

    /// <summary>The objective is compared separately only when it is not the enumerated bound itself.</summary>
    private IEnumerable<BoundKind> Kinds(VariableIr? label)
    {
        if (label is null)
            return new[] { BoundKind.Unsupervised };
        return _model.StrategyFor(label.Name) == InferenceStrategy.Enumerate
            ? new[] { BoundKind.Labelled, BoundKind.Unlabelled }
            : new[] { BoundKind.Labelled, BoundKind.Unlabelled, BoundKind.Objective };
    }

    /// <summary>
    /// Runs a check; an exception is a finding. <paramref name="retry"/>, when given, runs the generated bound with
    /// libtorch's own noise, to say whether the failure needs the given noise (its batch-wide shape) at all.
    /// </summary>
    private void Guarded(BoundKind kind, string what, Action check, Func<Tensor>? retry = null)
    {
        try
        {
            check();
        }
        catch (Exception e)
        {
            // libtorch's message carries its C++ backtrace; the first line and the managed frames say where.
            var frames = (e.StackTrace ?? "").Split('\n').Where(f => f.Contains("ProbDsl")).Take(3).Select(f => f.Trim());
            _findings.Add(new Finding(_guide.Name, $"{kind} ({what})",
                $"threw {e.GetType().Name}: {e.Message.Split('\n')[0]} [{string.Join(" | ", frames)}]{WithLibtorchNoise(retry)}"));
        }
    }

    private static string WithLibtorchNoise(Func<Tensor>? retry)
    {
        if (retry is null)
            return "";
        try
        {
            var shape = retry().shape;
            return $"; with libtorch's own noise it returns shape [{string.Join(", ", shape)}]";
        }
        catch (Exception e)
        {
            return $"; with libtorch's own noise it throws too ({e.Message.Split('\n')[0]})";
        }
    }

    private void CompareExactly(GeneratedModule module, IReadOnlyDictionary<string, Tensor> weights, BoundKind kind, BoundInputs inputs)
    {
        var generated = Evaluate(module.Module, () => module.Bound(kind, inputs));
        var reference = Evaluate(module.Module, () => new ReferenceInterpreter(_model, _guide, weights, KlMode.Analytic).Bound(kind, inputs));
        if (!generated.Shape.SequenceEqual(reference.Shape))
        {
            _findings.Add(new Finding(_guide.Name, $"{kind} shape", $"generated [{string.Join(", ", generated.Shape)}], interpreter [{string.Join(", ", reference.Shape)}]"));
            return;
        }
        // Random chains of exp can reach 1e15 and beyond, where the two sides' different summation orders of even
        // larger terms disagree by rounding alone: such rows are not compared (and counted), nor is any gradient of
        // their batch mean.
        var moderate = Enumerable.Range(0, generated.Values.Length).Where(i => IsModerate(generated.Values[i]) && IsModerate(reference.Values[i])).ToList();
        if (moderate.Count < generated.Values.Length)
            ExtremeComparisons++;
        var valueDifference = Tolerances.RelativeDifference(moderate.Select(i => generated.Values[i]).ToArray(), moderate.Select(i => reference.Values[i]).ToArray());
        if (!Tolerances.Within(valueDifference, Tolerances.Value))
            _findings.Add(new Finding(_guide.Name, $"{kind} value",
                $"generated [{Format(generated.Values)}], interpreter [{Format(reference.Values)}] (relative difference {valueDifference:G3}){Diagnosis(weights, kind, inputs, generated.Values)}"));
        if (moderate.Count < generated.Values.Length)
            return;
        foreach (var name in weights.Keys.Where(n => !n.StartsWith("signalBaselineNet.", StringComparison.Ordinal)))
        {
            var difference = Tolerances.GradientDifference(generated.Gradients[name], reference.Gradients[name]);
            if (!Tolerances.Within(difference, Tolerances.Gradient))
                _findings.Add(new Finding(_guide.Name, $"{kind} gradient of {name}",
                    $"generated [{Format(generated.Gradients[name])}], interpreter [{Format(reference.Gradients[name])}] (difference {difference:G3})"));
        }
    }

    /// <summary>
    /// A labelled bound that differs only because the generator samples a term the observed label allows in closed
    /// form (its rule is per guide, the interpreter's per bound) is valid but not what the design asks: say so.
    /// </summary>
    private string Diagnosis(IReadOnlyDictionary<string, Tensor> weights, BoundKind kind, BoundInputs inputs, double[] generated)
    {
        if (kind != BoundKind.Labelled)
            return "";
        using var noGrad = no_grad();
        var perGuide = new ReferenceInterpreter(_model, _guide, weights, KlMode.Analytic, labelObservedInKlRule: false).Bound(kind, inputs);
        return Tolerances.Within(Tolerances.RelativeDifference(generated, perGuide.data<double>().ToArray()), Tolerances.Value)
            ? "; equal to the interpreter's if the observed label counted as drawn in the KL rule: a closed-form KL the generator does not use"
            : "";
    }

    private static bool IsModerate(double value) => double.IsFinite(value) && Math.Abs(value) < Tolerances.Extreme;

    private sealed record Evaluation(long[] Shape, double[] Values, Dictionary<string, double[]> Gradients);

    /// <summary>The bound's values and the gradient of its batch mean w.r.t. every parameter (zero where none flows).</summary>
    private static Evaluation Evaluate(nn.Module module, Func<Tensor> bound)
    {
        module.zero_grad();
        var value = bound();
        value.mean().backward();
        var gradients = module.named_parameters().ToDictionary(p => p.name,
            p => p.parameter.grad is { } g ? g.detach().to(float64).data<double>().ToArray() : new double[p.parameter.numel()]);
        module.zero_grad();
        return new Evaluation(value.shape, value.detach().to(float64).data<double>().ToArray(), gradients);
    }

    /// <summary>
    /// E[analytic − textbook] = 0 when every closed-form KL the rule allows is valid: <see cref="RowCount"/> copies of
    /// the first example, independent noise per row, paired differences within 4 standard errors. Log-density
    /// ratios at random networks are heavy-tailed, so a first failure is confirmed on 16 times as many fresh rows
    /// before it counts: a real bias stays (and grows in standard errors), a tail event does not come back.
    /// </summary>
    private void CompareModes(IReadOnlyDictionary<string, Tensor> weights, BoundKind kind, BoundInputs inputs, Generator generator)
    {
        using var noGrad = no_grad();
        var first = ModeDifference(weights, kind, Rows(_model, inputs, RowCount, generator));
        if (first is null)
            return;
        var decisive = first.IsConclusive && !first.IsWithinTolerance
            ? ModeDifference(weights, kind, Rows(_model, inputs, RowCount * 16, generator))!
            : first;
        if (!decisive.IsConclusive)
        {
            InconclusiveChecks++;
            return;
        }
        StatisticalChecks++;
        if (!decisive.IsWithinTolerance)
            _findings.Add(new Finding(_guide.Name, $"{kind} analytic vs textbook", $"{first}; confirmed: {decisive}"));
    }

    private PairedDifference? ModeDifference(IReadOnlyDictionary<string, Tensor> weights, BoundKind kind, BoundInputs rows) =>
        PairedDifference.Of(new ReferenceInterpreter(_model, _guide, weights, KlMode.Analytic).ClosedFormGap(kind, rows));

    /// <summary>Rows copies of the first example (and label), with fresh noise for each row.</summary>
    public static BoundInputs Rows(ModelIr model, BoundInputs inputs, int rows, Generator generator) => new(
        inputs.X[..1].expand(rows, inputs.X.shape[1]).contiguous(), GivenNoise.Draw(model, rows, generator),
        inputs.Label?[..1].expand(rows).contiguous(), inputs.Temperature, inputs.Baseline is null ? null : zeros(rows, dtype: float64));

    private static string Format(double[] values) =>
        string.Join(", ", values.Take(6).Select(v => v.ToString("G8"))) + (values.Length > 6 ? ", …" : "");
}

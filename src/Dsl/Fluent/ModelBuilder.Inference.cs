using System.Collections.Immutable;
using System.Linq;
using ProbDsl.Dsl.Diagnostics;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Fluent;

/// <summary>The inference choices, the objective, and compiling the builder to checked IR.</summary>
public sealed partial class ModelBuilder
{
    /// <summary><c>infer variable by enumerate</c>: exact marginalisation in one batched pass.</summary>
    public ModelBuilder Enumerate(string variable) => Infer(new InferenceIr(FluentNames.Check(variable, nameof(variable)), InferenceStrategy.Enumerate));

    /// <summary>
    /// <c>infer variable by relax(tau: tau0 -> tauMin, rate: rate, every: every[, hard])</c>; the defaults are those of
    /// a bare <c>relax</c> (Jang et al.'s semi-supervised MNIST settings).
    /// </summary>
    public ModelBuilder Relax(string variable, double tau0 = 1.0, double tauMin = 0.5, double rate = 3e-5, int every = 500, bool hard = false) =>
        Infer(new InferenceIr(FluentNames.Check(variable, nameof(variable)), InferenceStrategy.Relax,
            Relaxation: new RelaxationIr(tau0, tauMin, rate, every, hard)));

    /// <summary><c>infer variable by reinforce(baseline: ..., decay: ...)</c>; the defaults are those of a bare <c>reinforce</c>.</summary>
    public ModelBuilder Reinforce(string variable, BaselineKind baseline = BaselineKind.Average, double decay = 0.99) =>
        Infer(new InferenceIr(FluentNames.Check(variable, nameof(variable)), InferenceStrategy.Reinforce,
            Reinforce: new ReinforceIr(FluentEnums.Check(baseline, nameof(baseline)), decay)));

    /// <summary><c>objective semisupervised(alpha: alpha)</c>: Kingma et al. 2014, Eq. 9.</summary>
    public ModelBuilder SemiSupervised(double alpha = ObjectiveIr.PaperAlpha) => Objective(new ObjectiveIr(ObjectiveKind.SemiSupervised, alpha));

    /// <summary><c>objective elbo</c>: the plain evidence lower bound.</summary>
    public ModelBuilder Elbo() => Objective(new ObjectiveIr(ObjectiveKind.Elbo, ObjectiveIr.PaperAlpha));

    private ModelBuilder Infer(InferenceIr inference) => With(_parts with { Inference = _parts.Inference.Add(inference) });

    private ModelBuilder Objective(ObjectiveIr objective) => With(_parts with { Objectives = _parts.Objectives.Add(objective) });

    /// <summary>
    /// The model's IR and every diagnostic a .pdsl file with the same declarations would get (validation, guide
    /// analysis). <paramref name="filePath"/> names the source in the diagnostics.
    /// </summary>
    public DslResult<ModelIr> Compile(string filePath = "")
    {
        var (model, declared) = Declare(filePath);
        var checkedProgram = PdslCompiler.Validate(new ProgramIr(EquatableArray.Create(model)), filePath, declared);
        return new DslResult<ModelIr>(model, checkedProgram.Diagnostics);
    }

    /// <summary>
    /// The model's IR, unvalidated, with what the chain itself got wrong (what the text's assembler would report);
    /// for a compiler that validates next (the source generator's check stage), so that nothing is validated twice.
    /// </summary>
    public (ModelIr Model, ImmutableArray<DslDiagnostic> Declared) Declare(string filePath = "") => (_parts.ToIr(), CheckObjectives(filePath));

    /// <summary>The model's IR; throws <see cref="FluentModelException"/> with the diagnostics when it has errors.</summary>
    public ModelIr Build()
    {
        var result = Compile();
        return result.HasErrors ? throw new FluentModelException(result.Diagnostics) : result.Value!;
    }

    /// <summary>What the text's assembler checks about the objective declaration: one only, alpha not negative.</summary>
    private ImmutableArray<DslDiagnostic> CheckObjectives(string filePath)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DslDiagnostic>();
        foreach (var extra in _parts.Objectives.Skip(1))
            diagnostics.Add(DiagnosticDescriptors.DuplicateName.Create(filePath, extra.Meta.Span, "objective", _parts.Name));
        foreach (var negative in _parts.Objectives.Where(o => o.Alpha < 0))
            diagnostics.Add(DiagnosticDescriptors.InvalidObjectiveOption.Create(filePath, negative.Meta.Span, "alpha", "must be zero or positive"));
        return diagnostics.ToImmutable();
    }
}

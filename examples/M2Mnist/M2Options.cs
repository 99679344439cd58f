using System.CommandLine;
using ProbDsl.Examples.Common;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>The example's command line: the shared semi-supervised options plus which M2 model and guide to train.</summary>
internal sealed class M2Options
{
    private readonly SemiSupervisedOptions _training = new("m2.pdsl");
    private readonly Option<string> _guide = new("--guide") { Description = "Guide declared in m2.pdsl: Structured (q(z|x,y) q(y|x)) or MeanField (q(z|x) q(y|x)).", DefaultValueFactory = _ => "Structured" };
    private readonly Option<string> _model = new("--model") { Description = "M2 (m2.pdsl) or M2Nuisance (m2nuisance.pdsl: a second, binary discrete latent; guide MeanField).", DefaultValueFactory = _ => "M2" };

    public void AddTo(RootCommand root)
    {
        _training.AddTo(root, _model, _guide);
        _guide.AcceptOnlyFromAmong("Structured", "MeanField");
        _model.AcceptOnlyFromAmong("M2", "M2Nuisance");
    }

    public M2Settings Read(ParseResult parsed) => new(_training.Read(parsed), parsed.GetValue(_model)!, parsed.GetValue(_guide)!);
}

internal sealed record M2Settings(SemiSupervisedSettings Training, string Model, string Guide);

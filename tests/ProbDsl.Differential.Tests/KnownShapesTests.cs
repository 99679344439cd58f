using System.Linq;
using ProbDsl.Compiler;
using ProbDsl.Differential.Tests.Harness;
using ProbDsl.Differential.Tests.Interpreter;
using ProbDsl.Dsl;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ProbDsl.Differential.Tests;

/// <summary>
/// The two shapes of issue #8, by hand: the hierarchical VAE p(z2) p(z1|z2) p(x|z1) with the bottom-up guide
/// q(z1|x) q(z2|z1), and the ADGM q(a|x) q(y|a,x) q(z|a,x,y) with p(a|x,y,z), under every estimator of y. Each goes
/// through the same pipeline as the random models; and on the hierarchical VAE the analytic-versus-textbook check
/// is shown to reject the closed form the rule forbids.
/// </summary>
public class KnownShapesTests
{
    public const string Hierarchical = """
        model Hier {
          data x : Bernoulli[4]
          latent z2 : Normal[2]
          latent z1 : Normal[2]
          net pz1 = mlp(z2 -> 3 -> z1.loc, softplus(z1.scale), act: tanh)
          net px = mlp(z1 -> 3 -> x.logits, act: tanh)
          net qz1 = mlp(x -> 3 -> z1.loc, softplus(z1.scale), act: tanh)
          net qz2 = mlp(z1 -> 3 -> z2.loc, softplus(z2.scale), act: tanh)
          p(z2) = Normal(0, 1)
          p(z1 | z2) = Normal(pz1(z2))
          p(x | z1) = Bernoulli(px(z1))
          guide BottomUp = q(z1 | x) q(z2 | z1) {
            q(z1 | x) = Normal(qz1(x))
            q(z2 | z1) = Normal(qz2(z1))
          }
          objective elbo
        }
        """;

    /// <summary>The ADGM; <paramref name="name"/> keeps the generated classes of one batch apart.</summary>
    private static string Adgm(string inference, int name) => $$"""
        model Adgm{{name}} {
          data x : Bernoulli[4]
          label y : Categorical[3]
          latent a : Normal[2]
          latent z : Normal[2]
          net pa = mlp(x, y, z -> 3 -> a.loc, softplus(a.scale), act: tanh)
          net px = mlp(y, z -> 3 -> x.logits, act: tanh)
          net qa = mlp(x -> 3 -> a.loc, softplus(a.scale), act: tanh)
          net qy = mlp(a, x -> 3 -> y.logits, act: tanh)
          net qz = mlp(a, x, y -> 3 -> z.loc, softplus(z.scale), act: tanh)
          p(y) = Categorical(uniform)
          p(z) = Normal(0, 1)
          p(x | y, z) = Bernoulli(px(y, z))
          p(a | x, y, z) = Normal(pa(x, y, z))
          guide Auxiliary = q(a | x) q(y | a, x) q(z | a, x, y) {
            q(a | x) = Normal(qa(x))
            q(y | a, x) = Categorical(qy(a, x))
            q(z | a, x, y) = Normal(qz(a, x, y))
          }
          infer y by {{inference}}
          objective semisupervised(alpha: 0.1)
        }
        """;

    private readonly ITestOutputHelper _output;

    public KnownShapesTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Hierarchical_vae_and_adgm_under_every_estimator_equal_the_interpreter()
    {
        set_num_threads(1);
        var texts = new[] { Hierarchical }
            .Concat(new[] { "enumerate", "relax(tau: 0.7)", "relax(hard)", "reinforce(baseline: average)", "reinforce(baseline: none)" }.Select((inference, i) => Adgm(inference, i)))
            .ToList();

        var report = new DifferentialRun(seed: 7, models: 0, batchSize: 1, progress: _ => { }).CheckTexts(texts);

        _output.WriteLine(report.Summary() + report.Details(limit: 10));
        Assert.True(report.Passed, report.Summary() + report.Details(limit: 10));
        Assert.Equal(texts.Count, report.Compared);
        // The hierarchical VAE's z2 and the ADGM's z have closed forms to check against the textbook terms.
        Assert.True(report.StatisticalChecks >= texts.Count);
    }

    [Fact]
    public void Analytic_versus_textbook_check_rejects_the_closed_form_kl_of_the_hierarchical_vae()
    {
        set_num_threads(1);
        var model = PdslCompiler.Compile(Hierarchical, "hier.pdsl").Value!.Models.Single();
        var source = ProbDslCodeGenerator.Generate(Hierarchical, "hier.pdsl").Sources.Single().Text;
        var assembly = BatchCompiler.Compile(new[] { source }, "KnownShapes").Assembly!;
        manual_seed(5);
        using var module = new GeneratedModule(assembly.GetType("ProbDsl.Models.HierBottomUp", throwOnError: true)!);
        var weights = module.Module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        var generator = new Generator(5);
        var first = new BoundInputs(DataSampler.Data(model.Variables.Single(v => v.Name == "x"), 1, generator), GivenNoise.Draw(model, 1, generator));
        var rows = ModuleCheck.Rows(model, first, 200_000, generator); // the bias is a few hundredths of a nat: many rows to see it
        using var noGrad = no_grad();

        var textbook = new ReferenceInterpreter(model, model.Guides[0], weights, KlMode.Textbook).Bound(BoundKind.Unsupervised, rows);
        var everywhere = new ReferenceInterpreter(model, model.Guides[0], weights, KlMode.Naive);
        var ruled = new ReferenceInterpreter(model, model.Guides[0], weights, KlMode.Analytic);

        var naive = PairedDifference.Of(everywhere.ClosedFormGap(BoundKind.Unsupervised, rows))!;
        var valid = PairedDifference.Of(ruled.ClosedFormGap(BoundKind.Unsupervised, rows))!;
        _output.WriteLine($"closed form everywhere: {naive}; the rule's choice: {valid}");
        Assert.False(naive.IsWithinTolerance, naive.ToString());
        Assert.True(valid.IsWithinTolerance, valid.ToString());
        // The gap is the two modes' difference, taken term by term.
        var difference = everywhere.Bound(BoundKind.Unsupervised, rows) - textbook;
        Assert.True(difference.allclose(everywhere.ClosedFormGap(BoundKind.Unsupervised, rows), rtol: 1e-9, atol: 1e-9));
    }
}

using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProbDsl.Generators.Tests;

/// <summary>
/// Guides that draw a latent's model parent after the latent itself: the hierarchical VAE's bottom-up guide and
/// the ADGM's auxiliary guide. The closed-form KL is kept only where it is valid; the label may be enumerated,
/// relaxed or sampled given a continuous latent drawn before it.
/// </summary>
public class LatentOrderTests
{
    private static (string Path, string Text) Model(string file)
    {
        var path = Path.Combine(System.AppContext.BaseDirectory, "Models", file);
        return (path, File.ReadAllText(path));
    }

    private static string GenerateCleanly((string Path, string Text) file)
    {
        var run = GeneratorHarness.Run(file);
        var result = Assert.Single(run.Results);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(GeneratorHarness.CompileGenerated(run));
        return Assert.Single(result.GeneratedSources).SourceText.ToString();
    }

    [Fact]
    public void Hierarchical_bottom_up_guide_samples_the_lower_term_and_keeps_the_top_kl()
    {
        var source = GenerateCleanly(Model("hier.pdsl"));

        Assert.Contains("var logPZ1 = Densities.NormalLogProb(z1, pz1Out.Z1Loc, pz1Out.Z1Scale);", source);
        Assert.Contains("var logQZ1 = Densities.NormalLogProb(z1, qz1Out.Z1Loc, qz1Out.Z1Scale);", source);
        Assert.Contains("var klZ2 = Densities.NormalKl(qz2Out.Z2Loc, qz2Out.Z2Scale, 0.0, 1.0);", source);
        Assert.DoesNotContain("klZ1", source);
        Assert.Contains(@"term:       z1: log p(z1|z2) - log q(z1|x) at the guide's sample — z2 is drawn after z1 and from it in the guide", source);
        Snapshot.Match("Hier.g.cs.txt", source);
    }

    [Fact]
    public void Adgm_auxiliary_guide_enumerates_y_given_a_and_samples_the_auxiliary_term()
    {
        var source = GenerateCleanly(Model("adgm-small.pdsl"));

        Assert.Contains("var logPA = Densities.NormalLogProb(a, auxOut.ALoc, auxOut.AScale);", source);
        Assert.Contains("var klZ = Densities.NormalKl(", source);
        Assert.Contains("private Tensor SampledClassLogits(Tensor x)", source);
        Snapshot.Match("AdgmSmall.g.cs.txt", source);
    }

    [Theory]
    [InlineData("relax(tau: 1.0 -> 0.5)")]
    [InlineData("relax(tau: 1.0 -> 0.5, hard)")]
    [InlineData("reinforce(baseline: average)")]
    public void Adgm_label_can_be_relaxed_or_sampled_given_the_auxiliary_latent(string strategy)
    {
        var (path, text) = Model("adgm-small.pdsl");

        GenerateCleanly((path, text.Replace("infer y by enumerate", $"infer y by {strategy}")));
    }

    [Fact]
    public void A_label_guide_reading_a_discrete_latent_is_refused_at_the_label_factor()
    {
        var (path, text) = Model("adgm-small.pdsl");
        text = text.Replace("latent a : Normal[2]", "latent a : Categorical[2]")
            .Replace("net aux = mlp(x, y, z -> 5 -> a.loc, softplus(a.scale))", "net aux = mlp(x, y, z -> 5 -> a.logits)")
            .Replace("net qa  = mlp(x -> 5 -> a.loc, softplus(a.scale))", "net qa  = mlp(x -> 5 -> a.logits)")
            .Replace("p(a | x, y, z) = Normal(aux(x, y, z))", "p(a | x, y, z) = Categorical(logits: aux(x, y, z))")
            .Replace("q(a | x) = Normal(qa(x))", "q(a | x) = Categorical(logits: qa(x))");

        var run = GeneratorHarness.Run((path, text));

        var error = Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PDSL0901", error.Id);
        Assert.Contains("reads the discrete latent 'a'", error.GetMessage());
        var start = error.Location.GetLineSpan().StartLinePosition;
        Assert.StartsWith("q(y | a, x)", text.Split('\n')[start.Line].Substring(start.Character));
    }

    [Fact]
    public void Sdgm_skip_guide_compiles_with_the_auxiliary_term_sampled()
    {
        // Maaløe et al. 2016's skip deep generative model: a is generated before x and feeds it, p(a|y,z) p(x|a,y,z),
        // with the ADGM's guide; a's prior reads y and z, which the guide draws from a.
        var (path, text) = Model("adgm-small.pdsl");
        text = text.Replace("model AdgmSmall", "model SdgmSmall")
            .Replace("net dec = mlp(y, z -> 5 -> x.logits)", "net dec = mlp(a, y, z -> 5 -> x.logits)")
            .Replace("net aux = mlp(x, y, z -> 5 -> a.loc, softplus(a.scale))", "net aux = mlp(y, z -> 5 -> a.loc, softplus(a.scale))")
            .Replace("p(x | y, z) = Bernoulli(logits: dec(y, z))", "p(x | a, y, z) = Bernoulli(logits: dec(a, y, z))")
            .Replace("p(a | x, y, z) = Normal(aux(x, y, z))", "p(a | y, z) = Normal(aux(y, z))");

        var source = GenerateCleanly((path, text));

        Assert.Contains("var logPA = Densities.NormalLogProb(a, auxOut.ALoc, auxOut.AScale);", source);
        Assert.Contains("var decOut = this.dec.call(a, y, z);", source);
    }
}

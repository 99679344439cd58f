using System.IO;
using System.Linq;
using ProbDsl.Dsl;
using ProbDsl.Dsl.Analysis;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Dsl.Tests;

public class GuideAnalysisTests
{
    private static ModelIr M2()
    {
        var path = Path.Combine("Examples", "M2Mnist", "m2.pdsl");
        return PdslCompiler.Compile(File.ReadAllText(path), path).Value!.Models.Single();
    }

    private static ModelIr Parse(string text)
    {
        var result = PdslCompiler.Compile(text, "t.pdsl");
        Assert.True(result.Diagnostics.All(d => !d.IsError), string.Join("\n", result.Diagnostics));
        return result.Value!.Models.Single();
    }

    [Fact]
    public void Structured_M2_guide_is_faithful_and_its_bounds_are_spelled_out()
    {
        var model = M2();

        var explanation = GuideAnalyzer.Explain(model, model.Guides.Single(g => g.Name == "Structured"));

        Assert.Equal("p(x|y,z) p(y) p(z)", explanation.ModelFactorisation);
        Assert.Equal("q(z|x,y) q(y|x)", explanation.GuideFactorisation);
        Assert.Equal("L(x,y) = E_{q(z|x,y)}[log p(x|y,z) + log p(y) + log p(z) - log q(z|x,y)]", explanation.LabelledBound);
        Assert.Equal("U(x) = Σ_y q(y|x) L(x,y) + H(q(y|x))", explanation.UnlabelledBound);
        Assert.True(explanation.IsFaithful);
    }

    [Fact]
    public void Mean_field_M2_guide_assumes_y_independent_of_z_given_x_which_explaining_away_breaks()
    {
        var model = M2();

        var explanation = GuideAnalyzer.Explain(model, model.Guides.Single(g => g.Name == "MeanField"));

        var broken = Assert.Single(explanation.Assumptions, a => !a.HoldsInModel);
        Assert.Equal("y ⟂ z | x", broken.ToString());
        Assert.False(explanation.IsFaithful);
        Assert.Equal("q(z|x,y) q(y|x)", explanation.FaithfulFactorisation);
    }

    [Fact]
    public void Compiler_reports_the_unfaithful_mean_field_guide_as_information_at_the_guide()
    {
        var path = Path.Combine("Examples", "M2Mnist", "m2.pdsl");
        var text = File.ReadAllText(path);

        var diagnostic = Assert.Single(PdslCompiler.Compile(text, path).Diagnostics);

        Assert.Equal(("PDSL0307", Diagnostics.DslSeverity.Info), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("guide MeanField")) + 1, diagnostic.Span.StartLine);
        Assert.Contains("y ⟂ z | x", diagnostic.Message);
        Assert.Contains("y → x ← z", diagnostic.Message);
        Assert.Contains("q(z|x,y) q(y|x)", diagnostic.Message);
    }

    [Fact]
    public void A_chain_needs_no_extra_conditioning_beyond_its_neighbour()
    {
        // a -> b -> x: given x, a depends on x only through b, so q(a|b) q(b|x) is faithful and q(a|x) is not.
        const string chain = """
            model Chain {
              data x : Bernoulli[2]
              latent a : Normal[1]
              latent b : Normal[1]
              net fb = mlp(a -> 3 -> b.loc, softplus(b.scale))
              net fx = mlp(b -> 3 -> x.logits)
              net qb = mlp(x -> 3 -> b.loc, softplus(b.scale))
              net qa = mlp(b -> 3 -> a.loc, softplus(a.scale))
              net qax = mlp(x -> 3 -> a.loc, softplus(a.scale))
              p(a) = Normal(0, 1)
              p(b | a) = Normal(fb(a))
              p(x | b) = Bernoulli(logits: fx(b))
              guide Markov = q(a | b) q(b | x) {
                q(b | x) = Normal(qb(x))
                q(a | b) = Normal(qa(b))
              }
              guide Broken = q(a | x) q(b | x) {
                q(b | x) = Normal(qb(x))
                q(a | x) = Normal(qax(x))
              }
              objective elbo
            }
            """;
        var model = Parse(chain);

        Assert.True(GuideAnalyzer.Explain(model, model.Guides[0]).IsFaithful);
        var broken = GuideAnalyzer.Explain(model, model.Guides[1]);
        Assert.False(broken.IsFaithful);
        Assert.Equal("q(a|b) q(b|x)", broken.FaithfulFactorisation);
    }

    [Fact]
    public void Independent_roots_of_separate_observations_stay_independent()
    {
        // a -> x1, b -> x2: the posterior factorises, so the mean-field guide is faithful.
        const string separate = """
            model Separate {
              data x : Bernoulli[2]
              latent a : Normal[1]
              latent b : Normal[1]
              net fx = mlp(a -> 3 -> x.logits)
              net qa = mlp(x -> 3 -> a.loc, softplus(a.scale))
              net qb = mlp(x -> 3 -> b.loc, softplus(b.scale))
              p(a) = Normal(0, 1)
              p(b) = Normal(0, 1)
              p(x | a) = Bernoulli(logits: fx(a))
              guide MeanField = q(a | x) q(b | x) {
                q(a | x) = Normal(qa(x))
                q(b | x) = Normal(qb(x))
              }
              objective elbo
            }
            """;
        var model = Parse(separate);

        var explanation = GuideAnalyzer.Explain(model, model.Guides[0]);

        Assert.True(explanation.IsFaithful, explanation.ToString());
    }

    [Fact]
    public void D_separation_follows_chains_forks_and_colliders()
    {
        const string text = """
            model G {
              data c : Bernoulli[1]
              latent a : Normal[1]
              latent b : Normal[1]
              latent d : Normal[1]
              net f = mlp(a, b -> 2 -> c.logits)
              net g = mlp(a -> 2 -> d.loc, softplus(d.scale))
              net q = mlp(c -> 2 -> a.loc, softplus(a.scale))
              p(a) = Normal(0, 1)
              p(b) = Normal(0, 1)
              p(c | a, b) = Bernoulli(logits: f(a, b))
              p(d | a) = Normal(g(a))
              guide Q = q(a | c) { q(a | c) = Normal(q(c)) }
              objective elbo
            }
            """;
        var graph = new ModelGraph(PdslCompiler.Compile(text, "g.pdsl").Value!.Models.Single());

        Assert.True(graph.AreDSeparated("a", new[] { "b" }, new string[0]));        // collider c unobserved
        Assert.False(graph.AreDSeparated("a", new[] { "b" }, new[] { "c" }));       // explaining away
        Assert.False(graph.AreDSeparated("d", new[] { "b" }, new[] { "c" }));       // d <- a -> c <- b, c observed
        Assert.True(graph.AreDSeparated("d", new[] { "b" }, new[] { "a", "c" }));   // the fork at a is blocked
        Assert.True(graph.AreDSeparated("d", new[] { "c" }, new[] { "a" }));        // fork blocked
    }
}

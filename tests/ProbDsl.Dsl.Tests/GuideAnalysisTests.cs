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

    /// <summary>
    /// Two discrete causes of one observation, y → x ← b (both enumerated). By hand: the mean-field guide
    /// q(y|x) q(b|x) samples y, then b, and replaces p(b | y, x) by q(b | x), so it assumes b ⟂ y | x. The only trail
    /// from b to y is b → x ← y, a collider whose middle x is observed: the trail is active, the assumption fails
    /// (explaining away). NaMI inverts y then b (same depth 0, declaration order): y keeps x (its child); b keeps
    /// y (the open collider) and x (its child), giving q(b|x,y) q(y|x) — which is exactly the structured guide, and
    /// that guide omits nothing available, so it assumes nothing.
    /// </summary>
    private const string TwoDiscreteCauses = """
        model Causes {
          data x : Bernoulli[4]
          latent y : Categorical[3]
          latent b : Categorical[2]
          net dec = mlp(y, b -> 5 -> x.logits)
          net qy = mlp(x -> 5 -> y.logits)
          net qb = mlp(x -> 5 -> b.logits)
          net qby = mlp(x, y -> 5 -> b.logits)
          p(y) = Categorical(uniform)
          p(b) = Categorical(uniform)
          p(x | y, b) = Bernoulli(logits: dec(y, b))
          guide MeanField = q(y | x) q(b | x) {
            q(y | x) = Categorical(logits: qy(x))
            q(b | x) = Categorical(logits: qb(x))
          }
          guide Structured = q(b | x, y) q(y | x) {
            q(y | x) = Categorical(logits: qy(x))
            q(b | x, y) = Categorical(logits: qby(x, y))
          }
          objective elbo
        }
        """;

    [Fact]
    public void Two_discrete_causes_mean_field_guide_is_explained_as_unfaithful()
    {
        var model = Parse(TwoDiscreteCauses);

        var explanation = GuideAnalyzer.Explain(model, model.Guides.Single(g => g.Name == "MeanField"));

        Assert.Equal("""
            model Causes, guide MeanField
              model:      p(x|y,b) p(y) p(b)
              guide:      q(y|x) q(b|x)
              labelled:   L(x) = E_{q(y|x) q(b|x)}[log p(x|y,b) + log p(y) + log p(b) - log q(y|x) - log q(b|x)]
              unlabelled: U(x) = L(x)
              assumes:    b ⟂ y | x  (does NOT hold in the model's posterior)
              faithful:   no — a faithful factorisation is q(b|x,y) q(y|x)

            """.Replace("\r\n", "\n"), explanation.ToString());
    }

    [Fact]
    public void Two_discrete_causes_structured_guide_assumes_nothing()
    {
        var model = Parse(TwoDiscreteCauses);

        var explanation = GuideAnalyzer.Explain(model, model.Guides.Single(g => g.Name == "Structured"));

        Assert.Empty(explanation.Assumptions);
        Assert.True(explanation.IsFaithful);
        Assert.Null(explanation.FaithfulFactorisation);
    }

    /// <summary>
    /// The auxiliary deep generative model (ADGM, Maaløe et al. 2016, §3): p(x,y,a,z) = p(a|z,y,x) p(x|y,z) p(z) p(y)
    /// — the auxiliary a is generated from everything else, x included — with the inference model
    /// q(a,y,z|x) = q(z|a,y,x) q(y|a,x) q(a|x). Edges: y → x, z → x, and x, y, z → a; x is observed.
    /// By hand: the paper's guide samples a, y, z in that order and each factor conditions on x and on every latent
    /// sampled before it, so it omits nothing and assumes no independence: faithful (it is a full chain-rule
    /// factorisation of q(a,y,z|x)). Dropping y from q(z|·) assumes z ⟂ y | a, x; the trails z → x ← y and
    /// z → a ← y are colliders at observed x and at given a, both active, so that fails. NaMI inverts a first
    /// (depth 2: its parent x has depth 1), then y before z (depth 0; discrete first): a keeps x (its parent);
    /// y keeps x and a (its children); z keeps x, a (its children) and y (co-parent through both colliders).
    /// Unlabelled, q(y|a,x) reads the sampled a, so Σ_y sits inside E_{q(a|x)} and the z expectation inside Σ_y.
    /// </summary>
    private const string Adgm = """
        model Adgm {
          data   x : Bernoulli[4]
          label  y : Categorical[3]
          latent z : Normal[2]
          latent a : Normal[2]
          net dec  = mlp(y, z -> 5 -> x.logits)
          net aux  = mlp(x, y, z -> 5 -> a.loc, softplus(a.scale))
          net qa   = mlp(x -> 5 -> a.loc, softplus(a.scale))
          net qy   = mlp(a, x -> 5 -> y.logits)
          net qz   = mlp(a, x, y -> 5 -> z.loc, softplus(z.scale))
          net qzmf = mlp(a, x -> 5 -> z.loc, softplus(z.scale))
          p(z) = Normal(0, 1)
          p(y) = Categorical(uniform)
          p(x | y, z) = Bernoulli(logits: dec(y, z))
          p(a | x, y, z) = Normal(aux(x, y, z))
          guide Auxiliary = q(a | x) q(y | a, x) q(z | a, x, y) {
            q(a | x) = Normal(qa(x))
            q(y | a, x) = Categorical(logits: qy(a, x))
            q(z | a, x, y) = Normal(qz(a, x, y))
          }
          guide NoLabelInZ = q(a | x) q(y | a, x) q(z | a, x) {
            q(a | x) = Normal(qa(x))
            q(y | a, x) = Categorical(logits: qy(a, x))
            q(z | a, x) = Normal(qzmf(a, x))
          }
          objective semisupervised(alpha: 0.1)
        }
        """;

    [Fact]
    public void Auxiliary_guide_of_the_ADGM_is_faithful_and_assumes_nothing()
    {
        var model = Parse(Adgm);

        var explanation = GuideAnalyzer.Explain(model, model.Guides.Single(g => g.Name == "Auxiliary"));

        Assert.Equal("""
            model Adgm, guide Auxiliary
              model:      p(a|x,y,z) p(x|y,z) p(y) p(z)
              guide:      q(a|x) q(y|a,x) q(z|a,x,y)
              labelled:   L(x,y) = E_{q(a|x) q(z|a,x,y)}[log p(a|x,y,z) + log p(x|y,z) + log p(y) + log p(z) - log q(a|x) - log q(z|a,x,y)]
              unlabelled: U(x) = E_{q(a|x)}[Σ_y q(y|a,x) E_{q(z|a,x,y)}[log p(a|x,y,z) + log p(x|y,z) + log p(y) + log p(z) - log q(z|a,x,y)] + H(q(y|a,x)) - log q(a|x)]
              term:       z: -KL(q(z|a,x,y) || p(z)) in closed form — every parent of z in the model is observed or drawn before z in the guide
              term:       a: log p(a|x,y,z) - log q(a|x) at the guide's sample — y, z are drawn after a and from it in the guide, so the closed-form KL would be wrong
              in L:       a: log p(a|x,y,z) - log q(a|x) at the guide's sample — z is drawn after a and from it in the guide, so the closed-form KL would be wrong
              assumes:    no conditional independence beyond the model's
              faithful:   yes — every independence it assumes holds in the true posterior

            """.Replace("\r\n", "\n"), explanation.ToString());
    }

    [Fact]
    public void ADGM_guide_without_the_label_in_q_z_breaks_two_colliders()
    {
        var model = Parse(Adgm);

        var explanation = GuideAnalyzer.Explain(model, model.Guides.Single(g => g.Name == "NoLabelInZ"));

        var broken = Assert.Single(explanation.Assumptions);
        Assert.Equal("z ⟂ y | a, x", broken.ToString());
        Assert.False(broken.HoldsInModel);
        Assert.Equal("q(z|x,a,y) q(y|x,a) q(a|x)", explanation.FaithfulFactorisation);
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProbDsl.Compiler.Naming;

namespace ProbDsl.Generators.Tests;

/// <summary>User names become C# names: keywords, and names the generated code also uses, must still compile or be refused clearly.</summary>
public class NamingTests
{
    private const string Model = """
        model Odd {
          data   img : Bernoulli[4]
          label  class : Categorical[3]
          latent @Z : Normal[2]
          net scope = mlp(img -> 5 -> class.logits)
          net bound = mlp(img, class -> 5 -> @Z.loc, softplus(@Z.scale))
          net this_ = mlp(class, @Z -> 5 -> img.logits)
          p(@Z) = Normal(0, 1)
          p(class) = Categorical(uniform)
          p(img | class, @Z) = Bernoulli(logits: this_(class, @Z))
          guide G = q(@Z | img, class) q(class | img) {
            q(class | img) = Categorical(logits: scope(img))
            q(@Z | img, class) = Normal(bound(img, class))
          }
          objective semisupervised(alpha: 0.1)
        }
        """;

    [Fact]
    public void Keywords_and_names_the_generated_code_uses_for_networks_still_compile()
    {
        var text = Model.Replace("@Z", "z");

        var run = GeneratorHarness.Run(("/m/odd.pdsl", text));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    /// <summary>
    /// Names the generated code uses itself: locals (h, scope, bound, logits-like names), patterns it derives from
    /// other names (logPImg, classLogQ, expectedOverClass, scopeOut), and names it uses unqualified (F, Tensor, cat).
    /// Each is mangled (h → h_) and the code compiles; none is refused.
    /// </summary>
    [Theory]
    [InlineData("h")]
    [InlineData("x0")]
    [InlineData("loss")]
    [InlineData("logits")]
    [InlineData("signal")]
    [InlineData("logPImg")]
    [InlineData("classLogQ")]
    [InlineData("expectedOverClass")]
    [InlineData("scopeOut")]
    [InlineData("F")]
    [InlineData("Tensor")]
    [InlineData("cat")]
    [InlineData("Densities")]
    [InlineData("latent")] // the parameter of GuideMean
    [InlineData("noise")] // the parameter of GenerateMean
    [InlineData("nameof")] // a contextual keyword: nameof(...) would call it
    public void A_variable_named_like_a_generated_local_compiles(string name)
    {
        var text = Model.Replace("@Z", name);

        var run = GeneratorHarness.Run(("/m/odd.pdsl", text));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    /// <summary>
    /// The entry point is a class named after the model: a model named like a type the generated file uses unqualified
    /// (or like the guides' enum) gets <c>NameModel</c> instead, and a guide named <c>Guide</c> is an enum member.
    /// </summary>
    [Theory]
    [InlineData("Tensor", "TensorModel")]
    [InlineData("Noise", "NoiseModel")]
    [InlineData("F", "FModel")]
    [InlineData("Guide", "GuideModel")]
    [InlineData("Densities", "DensitiesModel")]
    [InlineData("Create", "CreateModel")]
    [InlineData("EncodeZ", "EncodeZModel")]
    [InlineData("Odd", "Odd")]
    public void A_model_named_like_a_type_the_generated_code_uses_compiles_with_its_entry_point(string name, string entry)
    {
        var text = Model.Replace("@Z", "z").Replace("model Odd", $"model {name}").Replace("guide G ", "guide Guide ");

        var run = GeneratorHarness.Run(("/m/odd.pdsl", text));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        var code = string.Concat(run.GeneratedTrees.Select(t => t.GetText().ToString()));
        Assert.Contains($"public sealed class {entry} : global::ProbDsl.Inference.Training.SemiSupervisedSession", code);
        Assert.Contains($"public static {entry} Create(Guide guide,", code);
    }

    [Fact]
    public void A_data_variable_named_scope_and_a_label_named_h_compile()
    {
        var text = Model.Replace("@Z", "z").Replace("img", "scope").Replace("class", "h").Replace("net scope", "net cls").Replace("scope(scope)", "cls(scope)");

        var run = GeneratorHarness.Run(("/m/odd.pdsl", text));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    [Fact]
    public void Variables_whose_generated_locals_coincide_get_numbered_locals()
    {
        const string text = """
            model Case {
              data   x : Bernoulli[4]
              label  y : Categorical[3]
              latent b : Categorical[2]
              latent B : Categorical[2]
              net classifier = mlp(x -> 5 -> y.logits)
              net qb  = mlp(x -> 5 -> b.logits, B.logits)
              net dec = mlp(y, b, B -> 6 -> x.logits)
              p(y) = Categorical(uniform)
              p(b) = Categorical(uniform)
              p(B) = Categorical(uniform)
              p(x | y, b, B) = Bernoulli(logits: dec(y, b, B))
              guide G = q(y | x) q(b | x) q(B | x) {
                q(y | x) = Categorical(logits: classifier(x))
                q(b | x) = Categorical(logits: qb(x))
                q(B | x) = Categorical(logits: qb(x))
              }
              objective semisupervised(alpha: 0.1)
            }
            """;

        var run = GeneratorHarness.Run(("/m/case.pdsl", text));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        var code = string.Concat(run.GeneratedTrees.Select(t => t.GetText().ToString()));
        Assert.True(code.Contains("logPB_2 =") && code.Contains("var bLogQ_2 =") && code.Contains("inputB_2") && code.Contains("Tensor BLogits_2"), code);
    }

    [Theory]
    [InlineData("decoder", "_1")]
    [InlineData("decoder", "_")]
    [InlineData("y", "__")]
    [InlineData("y", "_2")]
    public void Names_of_only_underscores_and_digits_generate_code_that_compiles(string name, string replacement)
    {
        var path = System.IO.Path.Combine(System.AppContext.BaseDirectory, "Models", "tiny.pdsl");
        var text = System.Text.RegularExpressions.Regex.Replace(System.IO.File.ReadAllText(path), $@"\b{name}\b", replacement);

        var run = GeneratorHarness.Run(("/m/tiny.pdsl", text));

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var errors = GeneratorHarness.CompileGenerated(run);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    [Fact]
    public void The_compiler_escapes_exactly_the_words_Roslyn_calls_keywords()
    {
        var roslyn = SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText)
            .Where(word => SyntaxFacts.GetKeywordKind(word) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(word) != SyntaxKind.None)
            .ToHashSet();

        Assert.Empty(roslyn.Except(Names.EscapedWords));
        Assert.Empty(Names.EscapedWords.Except(roslyn));
    }
}

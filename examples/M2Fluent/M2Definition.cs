using ProbDsl.Dsl.Fluent;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Examples.M2Fluent;

/// <summary>
/// Kingma et al.'s M2 with both guides, written with the fluent API instead of a .pdsl file. The source generator
/// reads this chain at build time (every argument is a literal) and generates the same classes as m2.pdsl does;
/// calling <see cref="M2"/> at run time builds the same IR.
/// </summary>
public static class M2Definition
{
    [ProbModel]
    public static ModelBuilder M2() => Model.Define("M2")
        .Data("x", DistributionFamily.Bernoulli, 784)
        .Label("y", DistributionFamily.Categorical, 10)
        .Latent("z", DistributionFamily.Normal, 50)

        .Net("classifier", Mlp.From("x").Hidden(500).To("y.logits").Act(Activation.Softplus))
        .Net("encoder", Mlp.From("x", "y").Hidden(500).To("z.loc").To("z.scale", HeadTransform.Softplus).Act(Activation.Softplus))
        .Net("decoder", Mlp.From("y", "z").Hidden(500).To("x.logits").Act(Activation.Softplus))
        .Net("encoderMF", Mlp.From("x").Hidden(500).To("z.loc").To("z.scale", HeadTransform.Softplus).Act(Activation.Softplus))

        .P("z", Dist.Normal(loc: 0, scale: 1))
        .P("y", Dist.UniformCategorical())
        .P("x", given: ["y", "z"], Dist.Bernoulli(logits: Net.Call("decoder", "y", "z")))

        // The product rule, as in Kingma's Eq. 4 and Pyro's SS-VAE: z is inferred knowing the class.
        .Guide("Structured", Guide
            .Q("z", given: ["x", "y"], Dist.Normal(Net.Call("encoder", "x", "y")))
            .Q("y", given: ["x"], Dist.Categorical(logits: Net.Call("classifier", "x"))))

        // Mean field, as the paper's text writes it: assumes z and y independent given x.
        .Guide("MeanField", Guide
            .Q("z", given: ["x"], Dist.Normal(Net.Call("encoderMF", "x")))
            .Q("y", given: ["x"], Dist.Categorical(logits: Net.Call("classifier", "x"))))

        .Enumerate("y")
        .SemiSupervised(alpha: 5);
}

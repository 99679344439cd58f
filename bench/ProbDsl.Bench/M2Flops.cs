namespace ProbDsl.Bench;

/// <summary>
/// Matrix-product FLOPs of one M2 step as the generated (hoisted) code computes it: x 784, y 10 classes, z 50,
/// hidden 500. A linear layer on R rows costs 2·R·in·out forward, the same again for the weight gradient, and again
/// for the input gradient unless the input is data. Element-wise work is left out: this is the sgemm-bound part.
/// </summary>
internal static class M2Flops
{
    private const long X = 784, K = 10, Z = 50, H = 500, Classes = 10;

    /// <summary>U(x) with y enumerated: classifier and encoder's x projection once per example, the rest per class.</summary>
    public static double Unlabelled(long batch, bool forwardOnly = false) => Pass(batch, K * batch, forwardOnly);

    /// <summary>L(x, y) with y observed, plus the classifier for the classification term (shared pass).</summary>
    public static double Labelled(long batch, bool forwardOnly = false) => Pass(batch, batch, forwardOnly);

    /// <summary>The trainer's joint step: unlabelled batch + labelled batch.</summary>
    public static double Joint(long unlabelled, long labelled, bool forwardOnly = false) =>
        Unlabelled(unlabelled, forwardOnly) + Labelled(labelled, forwardOnly);

    private static double Pass(long batch, long rowsPerClass, bool forwardOnly)
    {
        double Layer(long rows, long input, long output, bool dataInput = false) =>
            2.0 * rows * input * output * (forwardOnly ? 1 : dataInput ? 2 : 3);
        return Layer(batch, X, H, dataInput: true) + Layer(batch, H, Classes)       // classifier q(y|x)
            + Layer(batch, X, H, dataInput: true) + Layer(rowsPerClass, H, 2 * Z)    // encoder q(z|x,y): x hoisted, heads per class
            + Layer(rowsPerClass, Z, H) + Layer(rowsPerClass, H, X);                 // decoder p(x|y,z): z projection, output
    }
}

using ProbDsl.Inference.Training;
using static TorchSharp.torch;

namespace ProbDsl.ResumeProbe;

/// <summary>
/// Three classes of 16-pixel images, each class a prototype of pixel probabilities; the training sets are kept as
/// probabilities (dynamically binarised in every batch), the test set thresholded. Drawn from its own generator, so
/// the data never depends on the global one.
/// </summary>
internal static class SyntheticData
{
    public static SemiSupervisedData Create(int labelled, int unlabelled, int test)
    {
        using var generator = new Generator(12345);
        // Prototypes between 0.3 and 0.7: classes overlap, so accuracy and ELBO stay informative.
        using var prototypes = rand(new long[] { 3, 16 }, generator: generator).mul(0.4).add(0.3);
        DataSplit Split(long rows, bool dynamic)
        {
            var labels = randint(0, 3, new long[] { rows }, generator: generator, dtype: int64);
            var probabilities = prototypes.index_select(0, labels);
            return new DataSplit(dynamic ? probabilities : probabilities.gt(0.5).to(float32), labels, dynamic);
        }
        return new SemiSupervisedData(Split(labelled, true), Split(unlabelled, true), Split(test, false));
    }
}

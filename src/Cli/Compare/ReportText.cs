using System.Collections.Generic;
using System.Linq;

namespace ProbDsl.Cli.Compare;

/// <summary>The report's prose that does not depend on the format: what was compared, and what is not measured yet.</summary>
internal static class ReportText
{
    public static IEnumerable<string> Heading(ComparisonResults results)
    {
        var m = results.Manifest;
        var seeds = results.Runs.Select(r => r.Run.Seed).Distinct().Order();
        yield return $"# Comparison: {System.IO.Path.GetFileName(m.File)}";
        yield return "";
        yield return $"Model file `{m.File}` (SHA-256 `{m.FileSha256[..16]}…`), {m.Epochs} epoch{(m.Epochs == 1 ? "" : "s")} per run, {m.Labels} labels, seeds {string.Join(", ", seeds)}" +
            (m.TrainOptions.Count == 0 ? "." : $", train options `{string.Join(" ", m.TrainOptions)}`.");
        yield return "Every variant of a seed trained on the same split of the data and the same labelled subset. " +
            $"{results.Runs.Count(r => r.Finished)} of {results.Runs.Count()} runs have finished; final numbers are over finished runs only, " +
            "learning curves over every run at the epochs it has reached. The test ELBO is the exact bound (discrete variables enumerated) " +
            "for every variant, so it compares across estimators. Seconds per epoch is the mean over a run's epochs, " +
            "evaluation included (an epoch resumed from a mid-epoch checkpoint counts only its resumed part).";
    }

    public const string GradientVariance =
        "Each run measures, after fixed global steps (by default 50, 500 and the last step of epoch 1), the stochastic gradient of the training loss " +
        "(Eq. 9 on one unlabelled and one labelled minibatch) with respect to the guide's parameters over 10 fresh minibatches at the same parameters: " +
        "*total variance* is the sum over the guide's parameters of each one's sample variance (n − 1), the ratio divides it by the squared norm of the " +
        "mean gradient (above 1, a minibatch gradient is mostly noise). The minibatches come from a generator of their own and the run's random state, " +
        "baselines and gradients are put back, so the measurement leaves training unchanged. This is what separates enumeration from relaxation from REINFORCE.";

    public const string LatentSpace =
        "Measured by each run's `probdsl train` once after its last epoch, on the first 10,000 test rows (all of them when fewer), into the run's " +
        "`measures.json`; a run that finished before this existed shows n/a (`probdsl report` does not recompute them). E[z] is the guide's mean of its " +
        "first continuous latent with y summed out under q(y|x). *k-NN accuracy*: k = 5, Euclidean, the even-numbered rows' E[z] the reference set, the " +
        "odd-numbered rows classified by majority vote. *I(E[z]; y)*: Ross's (2014) k-nearest-neighbour estimate for a continuous and a discrete variable " +
        "(k = 3, as scikit-learn's mutual_info_classif), in nats; it is at most H(y) (log K for K balanced classes). *argmax_y L(x,y) accuracy*: the " +
        "generative model's own classifier, the class whose labelled bound (one draw of the latents) is highest, beside q(y|x)'s accuracy on the same rows: " +
        "when the model's own classifier is far worse than q(y|x), the unlabelled bound pulls q(y|x) away from the labels. Each projection is the first " +
        "seed's E[z] on its two principal components (PCA by eigendecomposition of the covariance), at most 3,000 rows.";

    public const string Samples =
        "Each grid is the first seed's: one column per class, one row per draw of the continuous latents, the same 8 draws (seed 0) in every row of " +
        "every variant, so that a row shows what z holds besides the class (Kingma et al. 2014, Fig. 1); written by `probdsl train` as the run's `samples.png`.";
}

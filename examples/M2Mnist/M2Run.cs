using ProbDsl.Examples.Common;
using ProbDsl.Models;

namespace ProbDsl.Examples.M2Mnist;

/// <summary>Trains the generated trainer of the chosen model and guide with the shared semi-supervised run.</summary>
internal static class M2Run
{
    public static int Execute(M2Settings settings)
    {
        if (settings.Model == "M2Nuisance")
            return SemiSupervisedRun.Execute(settings.Training, options => new M2NuisanceMeanFieldTrainer(options));
        return settings.Guide == "MeanField"
            ? SemiSupervisedRun.Execute(settings.Training, options => new M2MeanFieldTrainer(options))
            : SemiSupervisedRun.Execute(settings.Training, options => new M2StructuredTrainer(options));
    }
}

using ProbDsl.Inference.Distributions;

namespace ProbDsl.Inference.Models;

/// <summary>A model whose discrete latent is relaxed: the trainer sets its temperature by the declared schedule.</summary>
public interface IRelaxedModel
{
    double Temperature { get; set; }

    TemperatureSchedule Schedule { get; }
}

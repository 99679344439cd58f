namespace ProbDsl.Examples.M2Mnist;

/// <summary>Trains the generated trainer of the chosen model and guide (<see cref="M2Models"/>) with the shared semi-supervised run.</summary>
internal static class M2Run
{
    public static int Execute(M2Settings settings) => settings.Train(settings.Training, settings.M1);
}

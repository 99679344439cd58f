namespace ProbDsl.Cli.Data;

/// <summary>
/// What the command line asked for: the data source (<c>mnist</c> or <c>NAME=FILE</c>), the label file, how many
/// rows keep their label, the test split, and optional limits for quick runs. Every count is validated where it is used.
/// </summary>
internal sealed record DataRequest(
    string Data,
    string? Label,
    int Labelled,
    int? TestSize,
    int? TrainLimit,
    int? TestLimit,
    string? DataDir,
    int Seed,
    double DivideBy = 1)
{
    public bool IsMnist => Data == "mnist";
}

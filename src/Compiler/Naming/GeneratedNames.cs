namespace ProbDsl.Compiler.Naming;

/// <summary>Where generated types live, for code that looks them up in a compiled assembly (the CLI).</summary>
public static class GeneratedNames
{
    /// <summary>The namespace of every generated class.</summary>
    public const string Namespace = "ProbDsl.Models";

    /// <summary>The full name of the trainer of a model-with-guide class (<c>ProbDsl.Models.M2StructuredTrainer</c>).</summary>
    public static string Trainer(string className) => $"{Namespace}.{className}Trainer";
}

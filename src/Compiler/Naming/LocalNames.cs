using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Naming;

/// <summary>
/// The C# names of a model's generated locals and parameters, in one place. The emitter's own locals follow fixed
/// patterns (<c>scope</c>, <c>bound</c>, <c>h</c>, <c>yLogQ</c>, <c>logPX</c>, <c>klZ</c>, <c>encoderOut</c>,
/// <c>expectedOverY</c>…); a variable keeps its own name as its local unless that name is one of them or one the
/// generated code uses unqualified (<c>F</c>, <c>Tensor</c>, <c>cat</c>…), in which case it is mangled with
/// trailing underscores (<c>h</c> → <c>h_</c>; a leading one for the <c>expectedOver</c> prefix) to a name no other local
/// has. So any legal variable name compiles.
/// Model-wide: networks are shared by the model's guides and read the same variables.
/// </summary>
public sealed class LocalNames
{
    /// <summary>Names the generated method bodies use unqualified, besides the patterns below.</summary>
    private static readonly string[] Fixed =
    {
        "scope", "bound", "signal", "h", "Temperature", BaselineField, LearnedBaselineField,
        "F", "Linear", "Densities", "Enumeration", "Noise", "Relaxation", "ScoreFunction",
        "Tensor", "NewDisposeScope", "cat", "tanh", "nn", "torch",
    };

    /// <summary>The prefix of the expectation locals (<c>expectedOverYB</c>); a variable name starting with it is mangled.</summary>
    private const string ExpectedOver = "expectedOver";

    public const string BaselineField = "signalBaseline";

    public const string LearnedBaselineField = "signalBaselineNet";

    private readonly Dictionary<string, string> _variables;

    private LocalNames(Dictionary<string, string> variables) => _variables = variables;

    /// <summary>The C# name of each variable's local or parameter, by variable name.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    public static LocalNames For(ModelIr model)
    {
        var label = model.Variables.FirstOrDefault(v => v.Role == VariableRole.Label)?.Name ?? "label";
        var reserved = new HashSet<string>(Fixed
            .Concat(new[] { LabelIndex(label), Sample(label), LogQSample(label) })
            .Concat(model.Variables.SelectMany(v => new[] { LogQ(v.Name), LogP(v.Name), SampledLogQ(v.Name), Kl(v.Name) }))
            .Concat(model.Nets.Select(n => NetOutput(n.Name))));
        var taken = new HashSet<string>(model.Variables.Select(v => Names.Identifier(v.Name)));
        var variables = new Dictionary<string, string>();
        foreach (var variable in model.Variables)
        {
            var name = Names.Identifier(variable.Name);
            if (reserved.Contains(name) || name.StartsWith(ExpectedOver, System.StringComparison.Ordinal))
            {
                taken.Remove(name);
                // No emitter local starts with an underscore, so this one cannot become an expectation's name.
                if (name.StartsWith(ExpectedOver, System.StringComparison.Ordinal))
                    name = "_" + name;
                while (reserved.Contains(name) || taken.Contains(name))
                    name += "_";
            }
            taken.Add(name);
            variables[variable.Name] = name;
        }
        return new LocalNames(variables);
    }

    /// <summary>The local or parameter holding <paramref name="variable"/>'s value.</summary>
    public string Variable(string variable) => _variables.TryGetValue(variable, out var name) ? name : Names.Identifier(variable);

    /// <summary>The labelled bound's class-index parameter (<c>yIndex</c>).</summary>
    public static string LabelIndex(string label) => Names.Camel(label) + "Index";

    /// <summary>log q of a discrete variable over its values (<c>yLogQ</c>).</summary>
    public static string LogQ(string variable) => Names.Camel(variable) + "LogQ";

    /// <summary>The score-function estimator's sampled class indices (<c>ySample</c>).</summary>
    public static string Sample(string label) => Names.Camel(label) + "Sample";

    /// <summary>log q at the sampled class (<c>yLogQSample</c>).</summary>
    public static string LogQSample(string label) => Names.Camel(label) + "LogQSample";

    /// <summary>A log-density term (<c>logPX</c>).</summary>
    public static string LogP(string variable) => "logP" + Names.Pascal(variable);

    /// <summary>log q at a continuous latent's sample (<c>logQZ</c>).</summary>
    public static string SampledLogQ(string variable) => "logQ" + Names.Pascal(variable);

    /// <summary>A KL term (<c>klZ</c>).</summary>
    public static string Kl(string variable) => "kl" + Names.Pascal(variable);

    /// <summary>A network's output in a bound (<c>encoderOut</c>).</summary>
    public static string NetOutput(string net) => Names.Camel(net) + "Out";

    /// <summary>The expectation over some enumerated variables (<c>expectedOverYB</c>).</summary>
    public static string Expectation(IEnumerable<string> variables) => ExpectedOver + string.Concat(variables.Select(Names.Pascal));
}

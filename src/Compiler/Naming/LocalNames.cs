using System.Collections.Generic;
using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Compiler.Naming;

/// <summary>
/// The C# names of a model's generated locals and parameters, in one place. The emitter's own locals follow fixed
/// patterns (<c>scope</c>, <c>bound</c>, <c>h</c>, <c>yLogQ</c>, <c>logPX</c>, <c>klZ</c>, <c>encoderOut</c>,
/// <c>expectedOverY</c>…); two of them that would coincide (variables <c>q</c> and <c>Q</c> both give <c>logPQ</c>)
/// are told apart by a numbered suffix (<c>logPQ_2</c>). A variable keeps its own name as its local unless that name
/// is one of them or one the generated code uses unqualified (<c>F</c>, <c>Tensor</c>, <c>cat</c>…); then it is
/// mangled with trailing underscores (<c>h</c> → <c>h_</c>; a leading one for the <c>expectedOver</c> prefix) to a
/// name no other local has. So any legal variable name compiles. Model-wide: networks are shared by the model's
/// guides and read the same variables.
/// </summary>
public sealed class LocalNames
{
    /// <summary>Names the generated method bodies use unqualified, besides the patterns below.</summary>
    private static readonly string[] Fixed =
    {
        "scope", "bound", "signal", "h", "Temperature", BaselineField, LearnedBaselineField,
        "latent", "noise", // the parameters of GuideMean and GenerateMean (ReportEmitter)
        "F", "Linear", "Densities", "Enumeration", "Noise", "Relaxation", "ScoreFunction",
        "Tensor", "NewDisposeScope", "cat", "tanh", "nn", "torch",
    };

    /// <summary>The prefix of the expectation locals (<c>expectedOverYB</c>); a variable name starting with it is mangled.</summary>
    private const string ExpectedOver = "expectedOver";

    public const string BaselineField = "signalBaseline";

    public const string LearnedBaselineField = "signalBaselineNet";

    private readonly Dictionary<string, string> _variables;
    private readonly Dictionary<string, string> _derived;

    private LocalNames(Dictionary<string, string> variables, Dictionary<string, string> derived)
    {
        _variables = variables;
        _derived = derived;
    }

    /// <summary>The C# name of each variable's local or parameter, by variable name.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    public static LocalNames For(ModelIr model)
    {
        var used = new HashSet<string>(Fixed);
        var derived = new Dictionary<string, string>();
        void Derive(string key, string name)
        {
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
                unique = name + "_" + i;
            derived[key] = unique;
        }
        var label = model.Variables.FirstOrDefault(v => v.Role == VariableRole.Label)?.Name ?? "label";
        Derive("index", Names.Camel(label) + "Index");
        Derive("sample", Names.Camel(label) + "Sample");
        Derive("logQSample", Names.Camel(label) + "LogQSample");
        foreach (var variable in model.Variables)
        {
            Derive("logQ:" + variable.Name, Names.Camel(variable.Name) + "LogQ");
            Derive("logP:" + variable.Name, "logP" + Names.Pascal(variable.Name));
            Derive("sampledLogQ:" + variable.Name, "logQ" + Names.Pascal(variable.Name));
            Derive("kl:" + variable.Name, "kl" + Names.Pascal(variable.Name));
        }
        foreach (var net in model.Nets)
            Derive("out:" + net.Name, Names.Camel(net.Name) + "Out");
        foreach (var net in model.Nets)
            NameMembers(net, derived);

        var taken = new HashSet<string>(model.Variables.Select(v => Names.Identifier(v.Name)));
        var variables = new Dictionary<string, string>();
        foreach (var variable in model.Variables)
        {
            var name = Names.Identifier(variable.Name);
            if (used.Contains(name) || name.StartsWith(ExpectedOver, System.StringComparison.Ordinal))
            {
                taken.Remove(name);
                // No emitter local starts with an underscore, so this one cannot become an expectation's name.
                if (name.StartsWith(ExpectedOver, System.StringComparison.Ordinal))
                    name = "_" + name;
                while (used.Contains(name) || taken.Contains(name))
                    name += "_";
            }
            taken.Add(name);
            variables[variable.Name] = name;
        }
        return new LocalNames(variables, derived);
    }

    /// <summary>
    /// A network class's members named after variables: input projections (<c>inputZ</c>), heads (<c>headZLoc</c>)
    /// and the properties of its <c>Output</c> (<c>ZLoc</c>), each numbered when two would coincide (inputs z and Z).
    /// </summary>
    private static void NameMembers(NetIr net, Dictionary<string, string> derived)
    {
        var fields = new HashSet<string>();
        var properties = new HashSet<string>();
        string Unique(HashSet<string> used, string name)
        {
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
                unique = name + "_" + i;
            return unique;
        }
        foreach (var input in net.Inputs)
            derived[$"input:{net.Name}:{input}"] = Unique(fields, "input" + Names.Pascal(input));
        foreach (var head in net.Heads)
        {
            var property = Unique(properties, Names.Pascal(head.Variable) + Names.Pascal(head.Parameter));
            derived[$"property:{net.Name}:{head}"] = property;
            derived[$"head:{net.Name}:{head}"] = Unique(fields, "head" + property);
        }
    }

    /// <summary>The field of a network's first-layer projection of <paramref name="input"/>.</summary>
    public string InputField(NetIr net, string input) => _derived[$"input:{net.Name}:{input}"];

    /// <summary>The field of a network's output layer for <paramref name="head"/>.</summary>
    public string HeadField(NetIr net, HeadIr head) => _derived[$"head:{net.Name}:{head}"];

    /// <summary>The property of a network's <c>Output</c> holding <paramref name="head"/>.</summary>
    public string OutputProperty(NetIr net, HeadIr head) => _derived[$"property:{net.Name}:{head}"];

    /// <summary>The local or parameter holding <paramref name="variable"/>'s value.</summary>
    public string Variable(string variable) => _variables.TryGetValue(variable, out var name) ? name : Names.Identifier(variable);

    /// <summary>The labelled bound's class-index parameter (<c>yIndex</c>).</summary>
    public string LabelIndex => _derived["index"];

    /// <summary>The score-function estimator's sampled class indices (<c>ySample</c>).</summary>
    public string Sample => _derived["sample"];

    /// <summary>log q at the sampled class (<c>yLogQSample</c>).</summary>
    public string LogQSample => _derived["logQSample"];

    /// <summary>log q of a discrete variable over its values (<c>yLogQ</c>).</summary>
    public string LogQ(string variable) => _derived["logQ:" + variable];

    /// <summary>A log-density term (<c>logPX</c>).</summary>
    public string LogP(string variable) => _derived["logP:" + variable];

    /// <summary>log q at a continuous latent's sample (<c>logQZ</c>).</summary>
    public string SampledLogQ(string variable) => _derived["sampledLogQ:" + variable];

    /// <summary>A KL term (<c>klZ</c>).</summary>
    public string Kl(string variable) => _derived["kl:" + variable];

    /// <summary>A network's output in a bound (<c>encoderOut</c>).</summary>
    public string NetOutput(string net) => _derived["out:" + net];

    /// <summary>
    /// The expectation over some enumerated variables (<c>expectedOverYB</c>), unique among <paramref name="earlier"/>
    /// (the bound's other expectations), which no variable's local can be.
    /// </summary>
    public static string Expectation(IEnumerable<string> variables, ICollection<string> earlier)
    {
        var name = ExpectedOver + string.Concat(variables.Select(Names.Pascal));
        var unique = name;
        for (var i = 2; earlier.Contains(unique); i++)
            unique = name + "_" + i;
        return unique;
    }
}

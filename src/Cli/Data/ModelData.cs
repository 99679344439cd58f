using System.Linq;
using ProbDsl.Dsl.Ir;

namespace ProbDsl.Cli.Data;

/// <summary>What a model needs from data: its one data variable, its label if it has one.</summary>
internal sealed record ModelData(string ModelName, VariableIr Data, VariableIr? Label)
{
    public static ModelData Of(ModelIr model)
    {
        var data = model.Variables.Where(v => v.Role == VariableRole.Data).ToList();
        if (data.Count != 1)
            throw new UserError($"model {model.Name} declares {data.Count} data variables; training binds exactly one (the code generator supports one).");
        return new ModelData(model.Name, data[0], model.Variables.FirstOrDefault(v => v.Role == VariableRole.Label));
    }

    public string Declaration(VariableIr v) => $"{v.Role.ToString().ToLowerInvariant()} {v.Name} : {v.Family}[{v.Size}]";
}

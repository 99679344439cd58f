namespace ProbDsl.Dsl.Diagnostics;

/// <summary>
/// Every diagnostic the language reports. IDs are stable: 00xx syntax, 01xx names and declarations,
/// 02xx shapes and distributions, 03xx guides, 04xx inference and objective,
/// 08xx the C# forms ([ProbModel] fluent chains and inline text), 09xx code generation.
/// </summary>
public static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SyntaxError = new(
        "PDSL0001", "Syntax error", DslSeverity.Error, "Syntax error: {0}");

    public static readonly DiagnosticDescriptor NumberOutOfRange = new(
        "PDSL0002", "Number out of range", DslSeverity.Error,
        "The number {0} is out of range: {1}");

    public static readonly DiagnosticDescriptor BidiControlCharacter = new(
        "PDSL0003", "Bidirectional control character", DslSeverity.Warning,
        "{0} here{1}: bidirectional control characters make editors show text in another order than the compiler reads it (the 'trojan source' attack); remove it");

    public static readonly DiagnosticDescriptor EmptyFile = new(
        "PDSL0004", "File declares no model", DslSeverity.Info,
        "This file declares no model, so nothing is generated from it; add 'model Name {{ ... }}' or remove the file");

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "PDSL0101", "Duplicate name", DslSeverity.Error,
        "'{0}' is declared more than once in model '{1}'; give each variable, network and guide its own name");

    public static readonly DiagnosticDescriptor UnknownVariable = new(
        "PDSL0102", "Unknown variable", DslSeverity.Error,
        "'{0}' is not a variable of model '{1}'; declare it with 'data', 'label' or 'latent' first");

    public static readonly DiagnosticDescriptor UnknownNet = new(
        "PDSL0103", "Unknown network", DslSeverity.Error,
        "'{0}' is not a network of model '{1}'; declare it with 'net {0} = mlp(...)'");

    public static readonly DiagnosticDescriptor MissingModelFactor = new(
        "PDSL0104", "Variable without a model factor", DslSeverity.Error,
        "Variable '{0}' has no model factor; add 'p({0} | ...) = ...'");

    public static readonly DiagnosticDescriptor DuplicateModelFactor = new(
        "PDSL0105", "Variable with two model factors", DslSeverity.Error,
        "Variable '{0}' has more than one model factor; keep exactly one 'p({0} | ...)'");

    public static readonly DiagnosticDescriptor CyclicModel = new(
        "PDSL0106", "Cyclic model", DslSeverity.Error,
        "The model factors form a cycle through '{0}'; a generative model must be a directed acyclic graph");

    public static readonly DiagnosticDescriptor DuplicateModel = new(
        "PDSL0107", "Duplicate model", DslSeverity.Error,
        "Model '{0}' is declared more than once; rename one of them");

    public static readonly DiagnosticDescriptor ModelNameCollision = new(
        "PDSL0108", "Model name already used by another model", DslSeverity.Error,
        "Model '{0}' compiles to the C# name '{1}', which model '{2}' at {3} already uses; rename one of them");

    public static readonly DiagnosticDescriptor TypeNameCollision = new(
        "PDSL0109", "Two declarations compile to one C# type", DslSeverity.Error,
        "{0} '{1}' compiles to the C# type '{2}', which {3} at {4} also compiles to; rename one of them");

    public static readonly DiagnosticDescriptor WrongFamily = new(
        "PDSL0201", "Distribution does not match the variable", DslSeverity.Error,
        "'{0}' is declared as {1} (values in {3}) but this factor gives it a {2} distribution (values in {4}); use {1} here or change the declaration");

    public static readonly DiagnosticDescriptor UnknownParameter = new(
        "PDSL0202", "Unknown distribution parameter", DslSeverity.Error,
        "{0} has no parameter '{1}'; its parameters are: {2}");

    public static readonly DiagnosticDescriptor MissingParameter = new(
        "PDSL0203", "Missing distribution parameter", DslSeverity.Error,
        "{0} needs a value for '{1}'; pass it by name ('{1}: ...') or from a network head '{2}.{1}'");

    public static readonly DiagnosticDescriptor NetCallMismatch = new(
        "PDSL0204", "Network called with other inputs than declared", DslSeverity.Error,
        "Network '{0}' takes ({1}) but is called with ({2}); call it with its declared inputs, in order");

    public static readonly DiagnosticDescriptor HeadMissing = new(
        "PDSL0205", "Network has no such head", DslSeverity.Error,
        "Network '{0}' has no head '{1}'; add '{1}' to its outputs");

    public static readonly DiagnosticDescriptor HeadNeedsPositiveTransform = new(
        "PDSL0206", "Positive parameter from an unconstrained head", DslSeverity.Error,
        "Head '{0}' feeds a parameter that must be positive; write 'softplus({0})' or 'exp({0})' in the network's outputs");

    public static readonly DiagnosticDescriptor InvalidSize = new(
        "PDSL0207", "Invalid size", DslSeverity.Error,
        "'{0}' has size {1}; sizes must be positive (and a categorical needs at least 2 classes)");

    public static readonly DiagnosticDescriptor FactorNotInNetInputs = new(
        "PDSL0208", "Factor conditions and network inputs differ", DslSeverity.Error,
        "The factor {0} conditions on ({1}) but its network reads ({2}); a factor's parameters may depend only on what it conditions on");

    public static readonly DiagnosticDescriptor BadConstant = new(
        "PDSL0209", "Invalid constant parameter", DslSeverity.Error,
        "{0} cannot take '{1}' for '{2}'; {3}");

    public static readonly DiagnosticDescriptor ScalarFromNetwork = new(
        "PDSL0210", "Scalar parameter fed by a network", DslSeverity.Error,
        "{0}'s '{1}' is one number for the whole event, but a network head gives one value per element; write it as a positive number, e.g. '{1}: 0.5'");

    public static readonly DiagnosticDescriptor LabelNotFinite = new(
        "PDSL0211", "Label without a finite support", DslSeverity.Error,
        "Label '{0}' is declared {1} (values in {2}); a label is observed as a class and enumerated when unobserved, so declare it Categorical or OneHotCategorical, or make it a 'latent'");

    public static readonly DiagnosticDescriptor SizeAboveLimit = new(
        "PDSL0212", "Size above the limit", DslSeverity.Error,
        "'{0}' has size {1}, above the limit of {2}: {3}");

    public static readonly DiagnosticDescriptor TooManyParameters = new(
        "PDSL0213", "Parameter count would exhaust memory", DslSeverity.Warning,
        "Model '{0}' has {1} network parameters (network '{2}' alone {3}); training holds about 16 bytes per parameter (weights, gradients and Adam's two moments in float32), {4} in all, which exhausts the memory of most machines (the warning starts above {5}). Make the layers smaller, or set ProbDslLimits=\"off\" on the .pdsl item if this is intended");

    public static readonly DiagnosticDescriptor EnumerationTooLarge = new(
        "PDSL0214", "Enumeration would exhaust memory", DslSeverity.Warning,
        "Model '{0}' enumerates {1} joint values ({2}); a tensor over all of them holds that many values per example, which exhausts memory (the warning starts above {3}). Relax or sample the label ('infer ... by relax' or 'reinforce'), use fewer classes, or set ProbDslLimits=\"off\" on the .pdsl item if this is intended");

    public static readonly DiagnosticDescriptor NameTooLong = new(
        "PDSL0215", "Name too long", DslSeverity.Error,
        "The name '{0}' has {1} characters, above the limit of {2}: it becomes C# class, member and local names (and file names), which compilers and editors handle badly at that length; choose a shorter name");

    public static readonly DiagnosticDescriptor GuideMissesLatent = new(
        "PDSL0301", "Guide misses a latent", DslSeverity.Error,
        "Guide '{0}' has no factor for the latent '{1}'; add 'q({1} | ...)' to its factorisation");

    public static readonly DiagnosticDescriptor GuideCoversTwice = new(
        "PDSL0302", "Guide covers a latent twice", DslSeverity.Error,
        "Guide '{0}' has more than one factor for '{1}'; keep exactly one 'q({1} | ...)'");

    public static readonly DiagnosticDescriptor GuideTargetsObserved = new(
        "PDSL0303", "Guide factor for an observed variable", DslSeverity.Error,
        "Guide '{0}' has a factor for '{1}', which is always observed; guides describe latents only: remove 'q({1} | ...)'");

    public static readonly DiagnosticDescriptor GuideCyclic = new(
        "PDSL0304", "Cyclic guide", DslSeverity.Error,
        "Guide '{0}' is cyclic: '{1}' depends on itself through its conditions; a guide must sample each latent after what it conditions on");

    public static readonly DiagnosticDescriptor GuideBodyMismatch = new(
        "PDSL0305", "Guide body does not match its factorisation", DslSeverity.Error,
        "Guide '{0}': {1}");

    public static readonly DiagnosticDescriptor GuideConditionsOnUnknown = new(
        "PDSL0306", "Guide conditions on what is not available", DslSeverity.Error,
        "Guide '{0}': q({1} | ...) conditions on '{2}', which is neither observed data nor a latent of the guide");

    public static readonly DiagnosticDescriptor UnfaithfulGuide = new(
        "PDSL0307", "Guide assumes an independence the posterior lacks", DslSeverity.Info,
        "Guide '{0}' assumes {1}, which the model's posterior does not satisfy ({2}); the bound stays valid but cannot be tight. A faithful factorisation is {3}");

    public static readonly DiagnosticDescriptor MoreUnfaithful = new(
        "PDSL0308", "More independences the posterior lacks", DslSeverity.Info,
        "Guide '{0}' makes {1} more assumptions of the kind reported as PDSL0307; the generated model's GuideExplanation lists them all");

    public static readonly DiagnosticDescriptor InferNotDiscrete = new(
        "PDSL0401", "Inference strategy for a non-discrete variable", DslSeverity.Error,
        "'infer {0} by ...' applies to discrete latents only; '{0}' is {1}. Continuous latents are reparameterised automatically");

    public static readonly DiagnosticDescriptor SemiSupervisedWithoutLabel = new(
        "PDSL0402", "Semi-supervised objective without a label", DslSeverity.Error,
        "The semi-supervised objective needs a 'label' variable; declare one (e.g. 'label y : Categorical[10]') or use 'objective elbo'");

    public static readonly DiagnosticDescriptor InvalidObjectiveOption = new(
        "PDSL0403", "Invalid objective option", DslSeverity.Error,
        "Objective option '{0}' {1}");

    public static readonly DiagnosticDescriptor NoGuide = new(
        "PDSL0404", "Model without a guide", DslSeverity.Error,
        "Model '{0}' declares no guide; add one, e.g. 'guide Main = q(z | x) {{ ... }}'");

    public static readonly DiagnosticDescriptor InvalidRelaxOption = new(
        "PDSL0405", "Invalid relax option", DslSeverity.Error,
        "relax({0}): {1}");

    public static readonly DiagnosticDescriptor InvalidReinforceOption = new(
        "PDSL0406", "Invalid reinforce option", DslSeverity.Error,
        "reinforce({0}): {1}");

    public static readonly DiagnosticDescriptor FluentArgumentNotConstant = new(
        "PDSL0801", "Fluent argument is not a compile-time constant", DslSeverity.Error,
        "Argument '{0}' of {1} is not a literal or a constant; the generator reads a [ProbModel] chain at build time, so write the value itself here (or call Build() at run time instead of marking the method)");

    public static readonly DiagnosticDescriptor FluentArgumentInvalid = new(
        "PDSL0802", "Invalid fluent argument", DslSeverity.Error,
        "{0}: {1}");

    public static readonly DiagnosticDescriptor NotAFluentModel = new(
        "PDSL0803", "[ProbModel] target without a model", DslSeverity.Error,
        "[ProbModel] on '{0}': {1}");

    public static readonly DiagnosticDescriptor NotYetGenerated = new(
        "PDSL0901", "Not supported by the code generator yet", DslSeverity.Error,
        "The code generator does not support this yet: {0}");

    public static readonly DiagnosticDescriptor InvalidLimitsOption = new(
        "PDSL0903", "Invalid ProbDslLimits option", DslSeverity.Error,
        "ProbDslLimits=\"{0}\" is not a valid value; use \"on\" (the default: warn when a model would exhaust memory) or \"off\"");

    public static readonly DiagnosticDescriptor InternalError = new(
        "PDSL0999", "Internal compiler error", DslSeverity.Error,
        "Internal error in the ProbDsl compiler ({0}); please report it with the model that caused it");
}

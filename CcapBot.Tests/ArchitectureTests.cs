using System.Reflection;
using System.Reflection.Emit;

namespace CcapBot.Tests;

/// <summary>
/// The dependency rule (DESIGN.md §2), checked over every type compiled into CcapBot: base types, interfaces,
/// attributes, fields, properties, events, method and constructor signatures, locals, and every type, method and
/// field a method body's IL refers to (lambdas and async state machines are nested types, so they count for their
/// outer type).
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "CcapBot";

    /// <summary>
    /// Layer (namespace under CcapBot; the longest matching entry wins) → the layers it may use besides itself.
    /// A new top-level folder needs a line here (<see cref="EveryTypeOfCcapBot_BelongsToALayer"/>).
    /// </summary>
    private static readonly Dictionary<string, string[]> Rule = new()
    {
        ["Protocol"] = [],
        ["Domain"] = [],
        ["Diagnostics"] = [],
        ["Localization"] = [],
        ["Persistence"] = ["Domain", "Protocol"],
        ["Cards"] = ["Protocol", "Localization"],
        ["Conversations"] = ["Protocol", "Persistence", "Cards", "Localization", "Diagnostics"],
        ["Features"] = ["Protocol", "Domain", "Persistence", "Conversations", "Cards", "Localization", "Diagnostics"],
        ["Hosting"] = ["Protocol", "Domain", "Persistence", "Conversations", "Cards", "Localization", "Diagnostics", "Features"],
        // The top-level statements (global namespace).
        ["Program"] = ["Hosting"],
    };

    [Fact]
    public void CcapBot_FollowsTheDependencyRule()
    {
        var violations = DependencyRule.Violations(CcapBotTypes(), LayerOf, Rule);

        Assert.True(violations.Count == 0, "Dependency rule broken (DESIGN.md §2):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryTypeOfCcapBot_BelongsToALayer()
    {
        var homeless = CcapBotTypes().Where(t => t.Namespace?.StartsWith(Root + ".", StringComparison.Ordinal) == true && LayerOf(t) is null)
            .Select(t => t.FullName).Distinct().ToList();

        Assert.True(homeless.Count == 0, "Types outside every layer of ArchitectureTests.Rule (add the folder there):\n" + string.Join("\n", homeless));
    }

    [Fact]
    public void Checker_FindsUsesInSignaturesBodiesAndLambdas_AndNothingElse()
    {
        var sample = typeof(ArchitectureTests).GetNestedTypes(BindingFlags.NonPublic).Where(t => t.Name.StartsWith("Sample", StringComparison.Ordinal))
            .SelectMany(t => t.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).Prepend(t))
            .SelectMany(t => t.GetNestedTypes(BindingFlags.NonPublic).Prepend(t));
        var rule = new Dictionary<string, string[]> { ["SampleProtocol"] = [], ["SampleFeatures"] = ["SampleProtocol"] };

        var violations = DependencyRule.Violations(sample, t => OutermostSample(t)?.Name, rule);

        Assert.Equal(
        [
            "SampleProtocol → SampleFeatures: ByBody uses OtherThing",
            "SampleProtocol → SampleFeatures: ByLambda uses ThirdThing",
            "SampleProtocol → SampleFeatures: BySignature uses FeatureThing",
        ], violations.Select(v => v.Replace(typeof(ArchitectureTests).FullName + "+", "", StringComparison.Ordinal)
            .Replace("SampleProtocol+", "", StringComparison.Ordinal).Replace("SampleFeatures+", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    private static Type? OutermostSample(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.DeclaringType == typeof(ArchitectureTests)) return t;
        }
        return null;
    }

    private static IEnumerable<Type> CcapBotTypes()
    {
        try
        {
            return typeof(Program).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static string? LayerOf(Type type)
    {
        if (type.Assembly != typeof(Program).Assembly) return null;
        if (type.Namespace is null) return type.Name == "Program" ? "Program" : null;
        if (!type.Namespace.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        var path = type.Namespace[(Root.Length + 1)..];
        return Rule.Keys.Where(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal)).MaxBy(k => k.Length);
    }

    /// <summary>Finds every use of a type of another layer that the rule does not allow.</summary>
    internal static class DependencyRule
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        public static List<string> Violations(IEnumerable<Type> types, Func<Type, string?> layerOf, IReadOnlyDictionary<string, string[]> rule)
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in types)
            {
                if (layerOf(type) is not { } from) continue;
                var allowed = rule.TryGetValue(from, out var list) ? list : [];
                foreach (var used in References(type))
                {
                    if (layerOf(used) is { } to && to != from && !allowed.Contains(to))
                        found.Add($"{from} → {to}: {Outermost(type).FullName} uses {used.FullName}");
                }
            }
            return [.. found];
        }

        private static Type Outermost(Type type) => type.DeclaringType is { } outer && type.Name.Contains('<', StringComparison.Ordinal) ? Outermost(outer) : type;

        public static HashSet<Type> References(Type type)
        {
            var seen = new HashSet<Type>();
            void Add(Type? t)
            {
                if (t is null || t.IsGenericParameter) return;
                if (t.HasElementType)
                {
                    Add(t.GetElementType());
                    return;
                }
                if (t.IsGenericType && !t.IsGenericTypeDefinition)
                {
                    foreach (var argument in t.GetGenericArguments()) Add(argument);
                    t = t.GetGenericTypeDefinition();
                }
                seen.Add(t);
            }

            void AddAttributes(IEnumerable<CustomAttributeData> attributes)
            {
                foreach (var attribute in attributes)
                {
                    Add(attribute.AttributeType);
                    foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                    {
                        if (argument.Value is Type typeArgument) Add(typeArgument);
                    }
                }
            }

            Add(type.BaseType);
            foreach (var i in type.GetInterfaces()) Add(i);
            AddAttributes(type.GetCustomAttributesData());
            foreach (var field in type.GetFields(Declared))
            {
                Add(field.FieldType);
                AddAttributes(field.GetCustomAttributesData());
            }
            foreach (var property in type.GetProperties(Declared))
            {
                Add(property.PropertyType);
                AddAttributes(property.GetCustomAttributesData());
            }
            foreach (var e in type.GetEvents(Declared)) Add(e.EventHandlerType);
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method is MethodInfo info) Add(info.ReturnType);
                foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
                AddAttributes(method.GetCustomAttributesData());
                var body = method.GetMethodBody();
                if (body is null) continue;
                foreach (var local in body.LocalVariables) Add(local.LocalType);
                foreach (var member in MembersUsedBy(method, body)) AddMember(member);
            }
            return seen;

            void AddMember(MemberInfo member)
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case FieldInfo f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m is MethodInfo mi)
                        {
                            Add(mi.ReturnType);
                            if (mi.IsGenericMethod) foreach (var argument in mi.GetGenericArguments()) Add(argument);
                        }
                        foreach (var parameter in m.GetParameters()) Add(parameter.ParameterType);
                        break;
                }
            }
        }

        /// <summary>The types, fields and methods named by the method's IL (call, newobj, ldfld, ldtoken, castclass, …).</summary>
        private static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method, MethodBody body)
        {
            var il = body.GetILAsByteArray() ?? [];
            var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            for (var i = 0; i < il.Length;)
            {
                var value = (short)il[i++];
                if (value == 0xFE) value = unchecked((short)(0xFE00 | il[i++]));
                var code = OpCodesByValue[value];
                switch (code.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        i += 1;
                        break;
                    case OperandType.InlineVar:
                        i += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        i += 8;
                        break;
                    case OperandType.InlineSwitch:
                        i += 4 + 4 * BitConverter.ToInt32(il, i);
                        break;
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                        var token = BitConverter.ToInt32(il, i);
                        i += 4;
                        MemberInfo? member = null;
                        try
                        {
                            member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                        }
                        catch (Exception e) when (e is ArgumentException or TypeLoadException or FileNotFoundException or BadImageFormatException or MissingMemberException)
                        {
                            // A member of an assembly that cannot load here (placeholder packages) is outside CcapBot anyway.
                        }
                        if (member is not null) yield return member;
                        break;
                    default: // InlineBrTarget, InlineI, InlineString, InlineSig, ShortInlineR
                        i += 4;
                        break;
                }
            }
        }
    }

    // A synthetic code base with known uses across its two layers, to prove the checker sees them.
#pragma warning disable CA1812, CA1822, CS0649, IDE0051
    private static class SampleFeatures
    {
        public sealed class FeatureThing;

        public sealed class OtherThing;

        public sealed class ThirdThing
        {
            public static ThirdThing Create() => new();
        }

        // Allowed: features may use the protocol.
        public sealed class UsesProtocol
        {
            public SampleProtocol.Clean? Clean;
        }
    }

    private static class SampleProtocol
    {
        public sealed class BySignature
        {
            public void Use(SampleFeatures.FeatureThing thing) => ArgumentNullException.ThrowIfNull(thing);
        }

        public sealed class ByBody
        {
            public int Make() => new SampleFeatures.OtherThing().GetHashCode();
        }

        public sealed class ByLambda
        {
            public Func<object> Later() => () => SampleFeatures.ThirdThing.Create();
        }

        public sealed class Clean
        {
            public string Name => nameof(Clean);
        }
    }
#pragma warning restore CA1812, CA1822, CS0649, IDE0051
}

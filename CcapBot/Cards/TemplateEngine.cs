using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcapBot.Cards;

/// <summary>
/// The Adaptive Card Templating language, expanded as the official <c>adaptivecards-templating</c> 2.3 does
/// (the oracle test compares every template in <c>cards/</c> with it): <c>${expr}</c> alone keeps the value's
/// type, text around or between expressions makes a string; <c>$data</c> scopes an object or repeats it over a
/// list (<c>$index</c> inside); <c>$when</c> keeps an object only when it is <c>true</c>; in arrays, expanded
/// lists are spliced in and nulls dropped. Expressions: see <see cref="TemplateExpression"/>.
/// Deliberately stricter than the official engine: a template it would render with placeholders or silently
/// drop (unknown function, malformed <c>${</c>, non-boolean <c>$when</c>, missing data) fails at load or bind.
/// Data values are inserted as JSON values and never parsed as templates, so user text cannot inject anything.
/// </summary>
internal static class TemplateEngine
{
    public static CompiledTemplate Compile(string name, JsonNode template)
    {
        try
        {
            return new CompiledTemplate(name, Prepare(template));
        }
        catch (CardTemplateException e)
        {
            throw new CardTemplateException($"Card template '{name}': {e.Message}");
        }
    }

    public static JsonNode? Expand(CompiledTemplate template, JsonNode? data)
    {
        var root = TemplateExpression.Node(data);
        try
        {
            return Expand(template.Root, new EvaluationScope(root, root, null));
        }
        catch (CardTemplateException e)
        {
            throw new CardTemplateException($"Card template '{template.Name}': {e.Message}");
        }
    }

    internal abstract record Prepared;
    private sealed record Literal(JsonNode? Value) : Prepared;
    private sealed record Typed(TemplateExpression Expression) : Prepared;
    private sealed record Interpolated(IReadOnlyList<(string? Text, TemplateExpression? Expression)> Parts) : Prepared;
    private sealed record ArrayTemplate(IReadOnlyList<Prepared> Items) : Prepared;
    private sealed record ObjectTemplate(IReadOnlyList<(string Key, Prepared Value)> Properties, TemplateExpression? When, TemplateExpression? Data) : Prepared;

    private static readonly string[] Reserved = ["$root", "$index", "$host", "$_acTemplateVersion"];

    private static Prepared Prepare(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new ArrayTemplate([.. array.Select(Prepare)]);
            case JsonObject obj:
                TemplateExpression? when = null, data = null;
                var properties = new List<(string, Prepared)>();
                foreach (var (key, child) in obj)
                {
                    if (key == "$when") when = SingleExpression(key, child);
                    else if (key == "$data") data = SingleExpression(key, child);
                    else if (Reserved.Contains(key)) throw new CardTemplateException($"'{key}' is reserved and cannot be a property.");
                    else properties.Add((key, Prepare(child)));
                }
                return new ObjectTemplate(properties, when, data);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return PrepareString(value.GetValue<string>());
            default:
                return new Literal(node?.DeepClone());
        }
    }

    private static TemplateExpression SingleExpression(string key, JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && PrepareString(v.GetValue<string>()) is Typed typed
            ? typed.Expression
            : throw new CardTemplateException($"{key} must be a single expression \"${{...}}\".");

    private static Prepared PrepareString(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal)) return new Literal(JsonValue.Create(text));
        var parts = new List<(string?, TemplateExpression?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '$')
            {
                literal.Append(text[i + 1]);
                i += 2;
            }
            else if (c == '`')
            {
                throw new CardTemplateException($"a backtick in \"{text}\" ends the official engine's string; escape it as \\`.");
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = ExpressionEnd(text, i + 2);
                if (literal.Length > 0)
                {
                    parts.Add((literal.ToString(), null));
                    literal.Clear();
                }
                parts.Add((null, TemplateExpression.Parse(text[(i + 2)..end])));
                i = end + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), null));
        // As in the official engine: one non-literal expression and nothing else keeps the expression's type.
        return parts is [(null, { IsConstant: false } only)] ? new Typed(only) : new Interpolated(parts);
    }

    /// <summary>The official lexer's TEMPLATE token: quoted strings, or any character but braces, quotes, backticks and newlines, up to '}'.</summary>
    private static int ExpressionEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] != '}')
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                i++;
                while (i < text.Length && text[i] != c) i += text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == c || text[i + 1] == '\\') ? 2 : 1;
                if (i >= text.Length) break;
            }
            else if (c is '{' or '`' or '\r' or '\n')
            {
                throw new CardTemplateException($"'{c}' cannot appear inside ${{...}} in \"{text}\".");
            }
            i++;
        }
        if (i >= text.Length || i == start) throw new CardTemplateException($"\"{text}\" has an unterminated or empty ${{...}}.");
        return i;
    }

    private static JsonNode? Expand(Prepared node, EvaluationScope scope) => node switch
    {
        Literal literal => literal.Value?.DeepClone(),
        Typed typed => TemplateExpression.ToJson(typed.Expression.EvaluateValue(scope)),
        Interpolated interpolated => JsonValue.Create(string.Concat(interpolated.Parts.Select(p =>
            p.Text ?? TemplateExpression.ToText(p.Expression!.Evaluate(scope, substitute: true))))),
        ArrayTemplate array => ExpandArray(array, scope),
        ObjectTemplate obj => ExpandObject(obj, scope),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonArray ExpandArray(ArrayTemplate array, EvaluationScope scope)
    {
        var result = new JsonArray();
        foreach (var item in array.Items)
        {
            var expanded = Expand(item, scope);
            if (expanded is JsonArray list)
            {
                // Lists (an object repeated by $data, or a list value) are spliced into the parent list.
                var items = list.ToList();
                list.Clear();
                foreach (var child in items)
                {
                    if (child is not null) result.Add(child);
                }
            }
            else if (expanded is not null)
            {
                result.Add(expanded);
            }
        }
        return result;
    }

    /// <summary>An object: one copy per $data item (or one), each kept when its $when holds; none → null, one → it, more → a list.</summary>
    private static JsonNode? ExpandObject(ObjectTemplate obj, EvaluationScope scope)
    {
        List<EvaluationScope> scopes;
        if (obj.Data is null)
        {
            scopes = [scope];
        }
        else
        {
            var data = obj.Data.EvaluateValue(scope);
            scopes = data is JsonArray items
                ? [.. items.Select((item, i) => scope with { Data = TemplateExpression.Node(item), Index = i })]
                : data is TemplateExpression.Undefined ? throw new CardTemplateException($"$data '${{{obj.Data}}}' produced no value.") : [scope with { Data = data }];
        }

        var copies = new List<JsonObject>();
        foreach (var itemScope in scopes)
        {
            if (obj.When is not null)
            {
                var when = obj.When.Evaluate(itemScope, substitute: false);
                if (when is not bool keep) throw new CardTemplateException($"$when '${{{obj.When}}}' must be true or false.");
                if (!keep) continue;
            }
            var copy = new JsonObject();
            foreach (var (key, value) in obj.Properties) copy[key] = Expand(value, itemScope);
            copies.Add(copy);
        }
        return copies.Count switch
        {
            0 => null,
            1 => copies[0],
            _ => new JsonArray([.. copies]),
        };
    }
}

/// <summary>A template parsed and checked once, expanded many times.</summary>
internal sealed class CompiledTemplate(string name, TemplateEngine.Prepared root)
{
    public string Name { get; } = name;
    internal TemplateEngine.Prepared Root { get; } = root;
}

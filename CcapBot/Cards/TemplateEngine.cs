using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcapBot.Cards;

/// <summary>
/// A minimal Adaptive Card Templating evaluator: property paths (<c>${a.b[0]}</c>, <c>$root</c>,
/// <c>$index</c>), <c>$data</c> (object scope or array repeat) and <c>$when</c> on paths, optionally
/// negated with <c>!</c>.
/// </summary>
internal static class TemplateEngine
{
    public static JsonNode? Expand(JsonNode template, JsonNode? data) => Expand(template, new Scope(data, data, null));

    private sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);

    private static JsonNode? Expand(JsonNode? node, Scope scope) => node switch
    {
        JsonObject obj => ExpandObject(obj, scope),
        JsonArray array => ExpandArray(array, scope),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => ExpandString((string)value!, scope),
        _ => node?.DeepClone(),
    };

    private static JsonObject? ExpandObject(JsonObject obj, Scope scope)
    {
        if (obj["$data"] is { } dataNode) scope = scope with { Data = Resolve(dataNode, scope) };
        if (obj["$when"] is { } when && !Truthy(Resolve(when, scope))) return null;
        var result = new JsonObject();
        foreach (var (key, child) in obj)
        {
            if (key is "$data" or "$when") continue;
            var expanded = Expand(child, scope);
            if (expanded is not null || child is null) result[key] = expanded;
        }
        return result;
    }

    private static JsonArray ExpandArray(JsonArray array, Scope scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject obj && obj["$data"] is { } dataNode && Resolve(dataNode, scope) is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var itemScope = scope with { Data = items[i], Index = i };
                    var copy = (JsonObject)obj.DeepClone();
                    copy.Remove("$data");
                    if (ExpandObject(copy, itemScope) is { } expandedItem) result.Add(expandedItem);
                }
                continue;
            }
            var expanded = Expand(item, scope);
            if (expanded is not null) result.Add(expanded);
        }
        return result;
    }

    private static JsonNode? Resolve(JsonNode node, Scope scope) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && (string)v! is var s && s.StartsWith("${", StringComparison.Ordinal) && s.EndsWith('}')
            ? Evaluate(s[2..^1], scope)
            : node.DeepClone();

    private static JsonNode? ExpandString(string text, Scope scope)
    {
        var start = text.IndexOf("${", StringComparison.Ordinal);
        if (start < 0) return JsonValue.Create(text);
        if (start == 0 && text.EndsWith('}') && text.IndexOf('}') == text.Length - 1)
            return Evaluate(text[2..^1], scope)?.DeepClone();
        var sb = new StringBuilder();
        var pos = 0;
        while (start >= 0)
        {
            sb.Append(text, pos, start - pos);
            var end = text.IndexOf('}', start);
            if (end < 0) break;
            var value = Evaluate(text[(start + 2)..end], scope);
            sb.Append(value is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? (string)jv! : value?.ToJsonString());
            pos = end + 1;
            start = text.IndexOf("${", pos, StringComparison.Ordinal);
        }
        sb.Append(text, pos, text.Length - pos);
        return JsonValue.Create(sb.ToString());
    }

    private static JsonNode? Evaluate(string expression, Scope scope)
    {
        expression = expression.Trim();
        if (expression.StartsWith('!')) return JsonValue.Create(!Truthy(Evaluate(expression[1..], scope)));
        if (expression == "$index") return scope.Index is { } i ? JsonValue.Create(i) : null;
        JsonNode? current = scope.Data;
        var path = expression;
        if (path.StartsWith("$root", StringComparison.Ordinal)) { current = scope.Root; path = path[5..].TrimStart('.'); }
        else if (path.StartsWith("$data", StringComparison.Ordinal)) path = path[5..].TrimStart('.');
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var bracket = name.IndexOf('[');
            var index = -1;
            if (bracket >= 0)
            {
                index = int.Parse(name[(bracket + 1)..name.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
                name = name[..bracket];
            }
            if (name.Length > 0) current = current is JsonObject o ? o[name] : null;
            if (index >= 0) current = current is JsonArray a && index < a.Count ? a[index] : null;
        }
        return current;
    }

    private static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => ((string)v!).Length > 0,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            _ => true,
        },
        JsonArray a => a.Count > 0,
        _ => true,
    };
}

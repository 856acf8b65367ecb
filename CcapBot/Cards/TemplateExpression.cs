using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CcapBot.Cards;

/// <summary>
/// The subset of Adaptive Expressions our templates may use, evaluated with the semantics of the official
/// JS library (<c>adaptive-expressions</c> 4.23, as driven by <c>adaptivecards-templating</c> 2.3):
/// literals (<c>'text'</c>, <c>"text"</c>, numbers, <c>true</c>, <c>false</c>, <c>null</c>), paths
/// (<c>a.b</c>, <c>a[0]</c>, <c>a['b']</c>, <c>$root</c>, <c>$data</c>, <c>$index</c>; property names match
/// case-insensitively), operators <c>== != &lt;&gt; &lt; &gt; &lt;= &gt;= &amp;&amp; || !</c> and the functions
/// <c>if count empty not equals concat and or exists length</c>.
/// Anything else (arithmetic, <c>?:</c>, other functions) is rejected when the template is loaded.
/// Where the official engine would print a placeholder (a path missing from the data is rendered as the literal
/// text <c>${path}</c>, an object or null is rendered as text), this one throws <see cref="CardTemplateException"/>.
/// </summary>
internal abstract class TemplateExpression
{
    private TemplateExpression(string text) => Text = text;

    public string Text { get; }

    public override string ToString() => Text;

    /// <summary>True for a literal: the official engine renders a lone <c>${'x'}</c> as a string, not as the typed value.</summary>
    public bool IsConstant => this is Constant;

    public static TemplateExpression Parse(string text) => new Parser(text).ParseAll();

    /// <summary>Evaluates; <paramref name="substitute"/> is the official "null substitution" mode (property values, $data).</summary>
    public object? Evaluate(EvaluationScope scope, bool substitute)
    {
        var (value, error) = Eval(scope, substitute);
        if (error is not null) throw new CardTemplateException($"'${{{Text}}}' failed: {error}");
        return value;
    }

    protected abstract Result Eval(EvaluationScope scope, bool substitute);

    /// <summary>
    /// A whole property value: the official engine evaluates a top-level <c>concat(...)</c> as its own string
    /// interpolation (each argument's text joined), not with the concat function's list semantics.
    /// </summary>
    public object? EvaluateValue(EvaluationScope scope) =>
        this is Call { Name: "concat" } call
            ? string.Concat(call.Args.Select(a => ToText(a.Evaluate(scope, substitute: true))))
            : Evaluate(scope, substitute: true);

    internal readonly record struct Result(object? Value, string? Error)
    {
        public static Result Of(object? value) => new(value, null);
        public static Result Fail(string error) => new(null, error);
    }

    /// <summary>JavaScript's <c>undefined</c>, distinct from a JSON <c>null</c> in the data.</summary>
    internal sealed class Undefined
    {
        public static readonly Undefined Value = new();
        private Undefined() { }
    }

    private sealed class Constant(string text, object? value) : TemplateExpression(text)
    {
        public object? Value { get; } = value;
        protected override Result Eval(EvaluationScope scope, bool substitute) => Result.Of(Value);
    }

    /// <summary>A property path (<c>a.b[0]</c>); the first segment is a scope variable or a property of <c>$data</c>.</summary>
    private sealed class PathExpression(string text, string root, TemplateExpression? instance, TemplateExpression? index) : TemplateExpression(text)
    {
        protected override Result Eval(EvaluationScope scope, bool substitute)
        {
            object? value;
            if (instance is null)
            {
                value = root switch
                {
                    "$root" => scope.Root,
                    "$data" => scope.Data,
                    "$index" => scope.Index is { } i ? (double)i : Undefined.Value,
                    _ => Property(scope.Data, root),
                };
            }
            else
            {
                var (target, error) = instance.Eval(scope, substitute: false);
                if (error is not null) return Result.Fail(error);
                if (index is not null)
                {
                    var (key, keyError) = index.Eval(scope, substitute: false);
                    if (keyError is not null) return Result.Fail(keyError);
                    value = key switch
                    {
                        double d when target is JsonArray array => d >= 0 && d < array.Count && d == Math.Floor(d) ? Node(array[(int)d]) : Undefined.Value,
                        double => Undefined.Value,
                        string s => Property(target, s),
                        _ => null,
                    };
                    if (value is null && key is not string and not double) return Result.Fail($"{index} doesn't return an int or string");
                }
                else
                {
                    value = Property(target, root);
                }
            }
            // The official engine substitutes "${path}" for a missing value; that would be garbage on a card.
            if (value is Undefined && substitute) throw new CardTemplateException($"'${{{Text}}}' is not in the data.");
            return Result.Of(value);
        }

        private static object? Property(object? target, string name)
        {
            if (target is not JsonObject obj) return Undefined.Value;
            foreach (var (key, child) in obj)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return Node(child);
            }
            return Undefined.Value;
        }
    }

    private sealed class Call(string text, string name, IReadOnlyList<TemplateExpression> args) : TemplateExpression(text)
    {
        public string Name => name;
        public IReadOnlyList<TemplateExpression> Args => args;

        protected override Result Eval(EvaluationScope scope, bool substitute) => name switch
        {
            "!" or "not" => Not(scope),
            "&&" or "and" => And(scope),
            "||" or "or" => Or(scope),
            "if" => If(scope, substitute),
            "==" or "equals" => Compare(scope, a => CommonEquals(a[0], a[1])),
            "!=" => Compare(scope, a => !CommonEquals(a[0], a[1])),
            "<" => Compare(scope, a => Order(a) < 0, notNull: true),
            "<=" => Compare(scope, a => Order(a) <= 0, notNull: true),
            ">" => Compare(scope, a => Order(a) > 0, notNull: true),
            ">=" => Compare(scope, a => Order(a) >= 0, notNull: true),
            "empty" => Compare(scope, a => a[0] is null or Undefined or string or JsonNode && IsEmpty(a[0])),
            "exists" => Compare(scope, _ => true, notNull: true),
            "count" => Apply(scope, substitute, a => Count(a[0])),
            "length" => Apply(scope, substitute, a => a[0] switch
            {
                string s => (double)s.Length,
                null or Undefined => 0d,
                _ => throw new InvalidOperationException($"{args[0]} is neither a string nor a null object."),
            }),
            "concat" => Apply(scope, substitute, Concat),
            _ => throw new CardTemplateException($"'{name}' is not a supported function."),
        };

        // Logical operators and comparisons evaluate their operands without substitution and turn errors into false.
        private Result Not(EvaluationScope scope)
        {
            var (value, error) = args[0].Eval(scope, substitute: false);
            return Result.Of(error is not null || !IsLogicTrue(value));
        }

        private Result And(EvaluationScope scope)
        {
            foreach (var arg in args)
            {
                var (value, error) = arg.Eval(scope, substitute: false);
                if (error is not null || !IsLogicTrue(value)) return Result.Of(false);
            }
            return Result.Of(true);
        }

        private Result Or(EvaluationScope scope)
        {
            foreach (var arg in args)
            {
                var (value, error) = arg.Eval(scope, substitute: false);
                if (error is null && IsLogicTrue(value)) return Result.Of(true);
            }
            return Result.Of(false);
        }

        private Result If(EvaluationScope scope, bool substitute)
        {
            var (condition, error) = args[0].Eval(scope, substitute: false);
            return error is null && IsLogicTrue(condition) ? args[1].Eval(scope, substitute) : args[2].Eval(scope, substitute);
        }

        /// <summary>
        /// As the official comparison evaluator: operands without substitution; an operand that fails or does not
        /// pass the check (null where a value is needed) makes the result false; a comparison that cannot be made
        /// (a number with a string) is an error.
        /// </summary>
        private Result Compare(EvaluationScope scope, Func<object?[], bool> test, bool notNull = false)
        {
            var values = new object?[args.Count];
            for (var i = 0; i < args.Count; i++)
            {
                var (value, error) = args[i].Eval(scope, substitute: false);
                if (error is not null || notNull && value is null or Undefined) return Result.Of(false);
                values[i] = value;
            }
            try
            {
                return Result.Of(test(values));
            }
            catch (InvalidOperationException e)
            {
                return Result.Fail(e.Message);
            }
        }

        private Result Apply(EvaluationScope scope, bool substitute, Func<object?[], object?> function)
        {
            var values = new object?[args.Count];
            for (var i = 0; i < args.Count; i++)
            {
                var (value, error) = args[i].Eval(scope, substitute);
                if (error is not null) return Result.Fail(error);
                values[i] = value;
            }
            try
            {
                return Result.Of(function(values));
            }
            catch (InvalidOperationException e)
            {
                return Result.Fail(e.Message);
            }
        }

        private static double Count(object? value) => value switch
        {
            string s => s.Length,
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            _ => throw new InvalidOperationException("count() needs a string, list or object."),
        };

        private static object? Concat(object?[] values)
        {
            var result = values[0];
            for (var i = 1; i < values.Length; i++)
            {
                var (first, second) = (result, values[i]);
                result = (first, second) switch
                {
                    (null or Undefined, null or Undefined) => Undefined.Value,
                    (null or Undefined, JsonArray) => second,
                    (JsonArray, null or Undefined) => first,
                    (JsonArray a, JsonArray b) => new JsonArray([.. a.Select(n => n?.DeepClone()), .. b.Select(n => n?.DeepClone())]),
                    _ => Stringify(first) + Stringify(second),
                };
            }
            return result;

            static string Stringify(object? value) => value switch
            {
                null or Undefined => "",
                JsonNode => throw new CardTemplateException("concat() of an object or list would render JSON text on the card."),
                _ => ToText(value),
            };
        }
    }

    private static bool IsLogicTrue(object? value) => value switch
    {
        bool b => b,
        null or Undefined => false,
        _ => true,
    };

    private static bool IsEmpty(object? value) => value switch
    {
        null or Undefined => true,
        string s => s.Length == 0,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => throw new InvalidOperationException("empty() needs a string, list or object."),
    };

    private static bool CommonEquals(object? a, object? b)
    {
        if (a is null or Undefined || b is null or Undefined) return a is null or Undefined && b is null or Undefined;
        return (a, b) switch
        {
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Select((n, i) => CommonEquals(Node(n), Node(y[i]))).All(e => e),
            (JsonObject x, JsonObject y) => JsonNode.DeepEquals(x, y),
            (double x, double y) => Math.Abs(x - y) < double.Epsilon || x == y,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            _ => false,
        };
    }

    private static int Order(object?[] values) => (values[0], values[1]) switch
    {
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => throw new InvalidOperationException("Only two numbers or two strings can be compared."),
    };

    /// <summary>A data node as an expression value: numbers as double (JavaScript numbers), strings, booleans, null, or the node.</summary>
    internal static object? Node(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => (object?)null,
        },
        // Typed as object: JsonNode's implicit conversions would otherwise turn the values above back into nodes.
        _ => (object)node,
    };

    /// <summary>An expression value as JSON, as the official engine writes it (integral numbers without a fraction).</summary>
    internal static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) < 9007199254740992d => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        JsonNode n => n.DeepClone(),
        _ => throw new CardTemplateException("An expression produced no value."),
    };

    /// <summary>JavaScript's toString() for what may appear in text; objects, lists and nulls may not.</summary>
    internal static string ToText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e21 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => throw new CardTemplateException("A null, object or list cannot be written into text."),
    };

    private sealed class Parser(string text)
    {
        private static readonly Dictionary<string, (int Min, int Max)> Functions = new(StringComparer.Ordinal)
        {
            ["if"] = (3, 3), ["count"] = (1, 1), ["empty"] = (1, 1), ["not"] = (1, 1), ["equals"] = (2, 2),
            ["concat"] = (1, int.MaxValue), ["and"] = (1, int.MaxValue), ["or"] = (1, int.MaxValue), ["exists"] = (1, 1), ["length"] = (1, 1),
        };

        private int _pos;

        public TemplateExpression ParseAll()
        {
            var expression = ParseOr();
            SkipSpace();
            if (_pos < text.Length) throw Error($"unexpected '{text[_pos..]}'");
            return expression;
        }

        // Precedence follows the official grammar: ! binds tightest, then == !=, then < <= > >=, then &&, then ||.
        private TemplateExpression ParseOr() => ParseBinary(ParseAnd, "||");
        private TemplateExpression ParseAnd() => ParseBinary(ParseRelational, "&&");
        private TemplateExpression ParseRelational() => ParseBinary(ParseEquality, "<=", ">=", "<", ">");
        private TemplateExpression ParseEquality() => ParseBinary(ParseUnary, "==", "!=");

        private TemplateExpression ParseBinary(Func<TemplateExpression> operand, params string[] operators)
        {
            var start = _pos;
            var left = operand();
            while (true)
            {
                SkipSpace();
                // "<>" lexes as not-equal in the official grammar but has no evaluator there ("Unknown function <>").
                if (string.CompareOrdinal(text, _pos, "<>", 0, 2) == 0) throw Error("'<>' is not supported; use !=");
                var op = operators.FirstOrDefault(o => string.CompareOrdinal(text, _pos, o, 0, o.Length) == 0 && !(o is "<" or ">" && Peek(1) == '='));
                if (op is null) return left;
                _pos += op.Length;
                var right = operand();
                left = new Call(text[start.._pos].Trim(), op, [left, right]);
            }
        }

        private TemplateExpression ParseUnary()
        {
            SkipSpace();
            var start = _pos;
            if (Peek(0) == '!' && Peek(1) != '=')
            {
                _pos++;
                var operand = ParseUnary();
                return new Call(text[start.._pos].Trim(), "!", [operand]);
            }
            if (Peek(0) is '-' or '+') throw Error("arithmetic is not supported in card templates");
            return ParsePostfix();
        }

        private TemplateExpression ParsePostfix()
        {
            SkipSpace();
            var start = _pos;
            var expression = ParseAtom(out var identifier);
            while (true)
            {
                SkipSpace();
                if (Peek(0) == '.')
                {
                    _pos++;
                    var name = ReadIdentifier() ?? throw Error("a property name must follow '.'");
                    expression = new PathExpression(text[start.._pos].Trim(), name, expression, null);
                }
                else if (Peek(0) == '[')
                {
                    _pos++;
                    var index = ParseOr();
                    Expect(']');
                    expression = new PathExpression(text[start.._pos].Trim(), "", expression, index);
                }
                else if (Peek(0) == '(' && identifier is not null)
                {
                    _pos++;
                    var args = new List<TemplateExpression>();
                    SkipSpace();
                    if (Peek(0) != ')')
                    {
                        do args.Add(ParseOr()); while (TryConsume(','));
                    }
                    Expect(')');
                    if (!Functions.TryGetValue(identifier, out var arity))
                        throw Error($"'{identifier}' is not a supported function (supported: {string.Join(", ", Functions.Keys)})");
                    if (args.Count < arity.Min || args.Count > arity.Max) throw Error($"{identifier}() takes {arity.Min}..{arity.Max} arguments");
                    if (identifier is "count" or "length" && args[0] is Constant { Value: not string })
                        throw Error($"{identifier}() of a literal that is not a string");
                    expression = new Call(text[start.._pos].Trim(), identifier, args);
                    identifier = null;
                }
                else
                {
                    return expression;
                }
                identifier = null;
            }
        }

        private TemplateExpression ParseAtom(out string? identifier)
        {
            identifier = null;
            SkipSpace();
            var start = _pos;
            var c = Peek(0);
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                Expect(')');
                return inner;
            }
            if (c is '\'' or '"') return new Constant(text[start..ReadString(c, out var value)], value);
            if (char.IsAsciiDigit(c))
            {
                while (char.IsAsciiDigit(Peek(0))) _pos++;
                if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
                {
                    _pos++;
                    while (char.IsAsciiDigit(Peek(0))) _pos++;
                }
                return new Constant(text[start.._pos], double.Parse(text[start.._pos], CultureInfo.InvariantCulture));
            }
            var name = ReadIdentifier() ?? throw Error(_pos < text.Length ? $"'{c}' is not supported in card templates" : "an expression is missing");
            switch (name)
            {
                case "true": return new Constant(name, true);
                case "false": return new Constant(name, false);
                case "null": return new Constant(name, null);
            }
            identifier = name;
            var root = name.StartsWith('$') ? name.ToLowerInvariant() : name;
            if (root.StartsWith('$') && root is not ("$root" or "$data" or "$index"))
                throw Error($"'{name}' is not supported (only $root, $data and $index)");
            return new PathExpression(name, root, null, null);
        }

        private int ReadString(char quote, out string value)
        {
            _pos++;
            var builder = new System.Text.StringBuilder();
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    var next = text[_pos + 1];
                    var escaped = next switch { 'r' => "\r", 'n' => "\n", 't' => "\t", '\\' => "\\", _ when next == quote => quote.ToString(), _ => null };
                    if (escaped is not null)
                    {
                        builder.Append(escaped);
                        _pos += 2;
                        continue;
                    }
                }
                builder.Append(text[_pos++]);
            }
            if (_pos >= text.Length) throw Error("unterminated string");
            _pos++;
            value = builder.ToString();
            return _pos;
        }

        private string? ReadIdentifier()
        {
            SkipSpace();
            var start = _pos;
            if (!(char.IsAsciiLetter(Peek(0)) || Peek(0) is '_' or '$')) return null;
            _pos++;
            while (char.IsAsciiLetterOrDigit(Peek(0)) || Peek(0) == '_') _pos++;
            return text[start.._pos];
        }

        private bool TryConsume(char c)
        {
            SkipSpace();
            if (Peek(0) != c) return false;
            _pos++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryConsume(c)) throw Error($"'{c}' expected");
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\ufeff' or '\u00a0') _pos++;
        }

        private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

        private CardTemplateException Error(string message) => new($"'${{{text}}}': {message}.");
    }
}

/// <summary>What an expression sees: the current <c>$data</c>, the <c>$root</c> and, inside a repeat, <c>$index</c>.</summary>
internal sealed record EvaluationScope(object? Data, object? Root, int? Index);

/// <summary>A card template or its binding is wrong: found when the store loads or when a card is bound.</summary>
public sealed class CardTemplateException(string message) : Exception(message);

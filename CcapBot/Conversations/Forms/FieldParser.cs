using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.RegularExpressions;
using CcapBot.Localization;

namespace CcapBot.Conversations.Forms;

/// <summary>Where an answer is parsed: the form, the user's language and "now"/"today" in the user's zone.</summary>
public sealed record FieldContext(FormDefinition Form, string Language, DateTimeOffset Now, DateOnly Today, string? SuggestedTimeZone, FormAnswers Answers)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Languages.Culture(Language));
}

/// <summary>An answer parsed: a canonical value, nothing (an empty answer), or what was wrong, in the user's language.</summary>
public sealed record FieldParse(JsonElement? Value, string? Error)
{
    public static FieldParse Nothing { get; } = new(null, null);
    public static FieldParse Of(JsonElement value) => new(value, null);
    public static FieldParse Invalid(string error) => new(null, error);
    public bool IsEmpty => Value is null && Error is null;
}

/// <summary>
/// Turns what a user typed (chat) or submitted (card input) into a field's canonical value, and back into
/// display text. Chat and card go through the same parser, so both produce identical answers. Choices accept
/// their number, their value, or any of their names in either language, forgiving case, accents and typos.
/// </summary>
public sealed partial class FieldParser(FormText text)
{
    public FieldParse Parse(FieldContext context, FieldDefinition field, string? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(field);
        var raw = (input ?? "").Trim();
        if (raw.Length == 0) return FieldParse.Nothing;
        var parsed = field.Type switch
        {
            FieldType.ShortText or FieldType.LongText => FieldParse.Of(Json(raw)),
            FieldType.Email => ParseEmail(context, raw),
            FieldType.Phone => ParsePhone(context, raw),
            FieldType.SingleChoice or FieldType.YesNo or FieldType.Country => ParseSingle(context, field, raw),
            FieldType.MultiChoice or FieldType.Languages => ParseMulti(context, field, raw),
            FieldType.Date => ParseDate(raw, context.Today) is { } date ? FieldParse.Of(Json(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) : Error(context, "Field.Error.Date"),
            FieldType.Month => ParseMonth(raw, context.Today) is { } month ? FieldParse.Of(Json(month.ToString("yyyy-MM", CultureInfo.InvariantCulture))) : Error(context, "Field.Error.Month"),
            FieldType.Time => ParseTime(raw) is { } time ? FieldParse.Of(Json(time.ToString("HH:mm", CultureInfo.InvariantCulture))) : Error(context, "Field.Error.Time"),
            FieldType.WholeNumber => ParseNumber(context, field, raw),
            FieldType.TimeZone => ParseTimeZone(context, raw),
            _ => throw new InvalidOperationException(field.Type.ToString()),
        };
        return parsed.Value is { } value && Check(context, field, value) is { } error ? FieldParse.Invalid(error) : parsed;
    }

    /// <summary>The field's own limits and validators on a parsed value; null when it passes.</summary>
    public string? Check(FieldContext context, FieldDefinition field, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(field);
        var language = context.Language;
        if (field.MaxLength is { } max && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > max)
            return text.Strings.Format(language, "Field.Error.TooLong", max);
        if (field.Type == FieldType.WholeNumber && value.GetInt64() is var n && (n < field.Min || n > field.Max))
            return text.Strings.Format(language, "Field.Error.Range", field.Min, field.Max);
        if (field.Pattern is { } pattern && !Regex.IsMatch(value.GetString()!, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            return text.Strings.Get(language, $"Form.{context.Form.Id}.{field.Id}.Help");
        foreach (var rule in field.Rules)
        {
            if (!rule.IsValid(value, new FieldCheckContext(context.Answers, context.Today))) return text.Strings.Get(language, rule.ErrorKey);
        }
        return null;
    }

    /// <summary>How an answer reads in the user's language (summary, echo, card values).</summary>
    public string Display(FieldContext context, FieldDefinition field, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(field);
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return "—";
        var culture = context.Culture;
        switch (field.Type)
        {
            case FieldType.Date:
                return DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("D", culture);
            case FieldType.Month:
                return FormText.MonthTitle(DateOnly.ParseExact(v.GetString()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), context.Language);
            case FieldType.Time:
                return TimeOnly.ParseExact(v.GetString()!, "HH:mm", CultureInfo.InvariantCulture).ToString("t", culture);
            case FieldType.WholeNumber:
                return v.GetInt64().ToString("N0", culture);
            case FieldType.TimeZone:
                return TimeZones.Display(v.GetString()!, context.Now);
            case FieldType.YesNo:
                return text.Strings.Get(context.Language, v.GetBoolean() ? "Dialog.Yes" : "Dialog.No");
            case FieldType.SingleChoice or FieldType.Country:
                return Title(context, field, v.GetString()!);
            case FieldType.MultiChoice or FieldType.Languages:
                var items = v.EnumerateArray().Select(e => e.GetString()!).ToList();
                var titles = items.Select(i => field.Type == FieldType.MultiChoice && !field.Choices.Contains(i)
                    ? text.Strings.Format(context.Language, "Field.OtherValue", i)
                    : Title(context, field, i));
                return string.Join(", ", titles);
            default:
                return v.GetString() ?? v.GetRawText();
        }
    }

    private string Title(FieldContext context, FieldDefinition field, string value) =>
        field.Type switch
        {
            FieldType.Country => ReferenceData.CountriesByCode.TryGetValue(value, out var c) ? c.Name(context.Language) : value,
            FieldType.Languages => ReferenceData.LanguagesByCode.TryGetValue(value, out var l) ? l.Name(context.Language) : value,
            _ => text.Options(context, field).FirstOrDefault(o => o.Value == value)?.Title ?? value,
        };

    private FieldParse Error(FieldContext context, string key, params object?[] args) =>
        FieldParse.Invalid(args.Length == 0 ? text.Strings.Get(context.Language, key) : text.Strings.Format(context.Language, key, args));

    private FieldParse ParseEmail(FieldContext context, string raw)
    {
        if (!EmailShape().IsMatch(raw) || !MailAddress.TryCreate(raw, out var address) || address.Address != raw) return Error(context, "Field.Error.Email");
        return FieldParse.Of(Json($"{address.User}@{address.Host.ToLowerInvariant()}"));
    }

    private FieldParse ParsePhone(FieldContext context, string raw)
    {
        var digits = new string([.. raw.Where(char.IsAsciiDigit)]);
        if (!PhoneShape().IsMatch(raw) || digits.Length is < 7 or > 15) return Error(context, "Field.Error.Phone");
        return FieldParse.Of(Json((raw.StartsWith('+') ? "+" : "") + digits));
    }

    private FieldParse ParseNumber(FieldContext context, FieldDefinition field, string raw)
    {
        var compact = raw.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (GroupedNumber().IsMatch(compact)) compact = compact.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return long.TryParse(compact, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? FieldParse.Of(JsonSerializer.SerializeToElement(n, FormsJsonContext.Default.Int64))
            : Error(context, "Field.Error.Number", field.Min, field.Max);
    }

    private FieldParse ParseSingle(FieldContext context, FieldDefinition field, string raw)
    {
        var options = text.Options(context, field);
        var match = Match(options, raw);
        if (match.Count == 1) return FieldParse.Of(field.Type == FieldType.YesNo ? JsonSerializer.SerializeToElement(match[0].Value == "true", FormsJsonContext.Default.Boolean) : Json(match[0].Value));
        return match.Count > 1
            ? Error(context, "Field.Error.Ambiguous", string.Join(", ", match.Take(5).Select(o => o.Title)))
            : field.Type == FieldType.Country ? Error(context, "Field.Error.Country") : Error(context, "Field.Error.Choice", string.Join(", ", options.Select((o, i) => $"{i + 1}. {o.Title}")));
    }

    private FieldParse ParseMulti(FieldContext context, FieldDefinition field, string raw)
    {
        var options = text.Options(context, field);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var others = new List<string>();
        foreach (var token in Tokens(raw))
        {
            var prefixed = OtherPrefix().Match(token);
            if (prefixed.Success && field.AllowOther)
            {
                others.Add(prefixed.Groups["text"].Value.Trim());
                continue;
            }
            var match = Match(options, token);
            if (match.Count == 1) chosen.Add(match[0].Value);
            else if (field.AllowOther) others.Add(token);
            else if (match.Count > 1) return Error(context, "Field.Error.Ambiguous", string.Join(", ", match.Take(5).Select(o => o.Title)));
            else return Error(context, "Field.Error.Unknown", token);
        }
        var other = string.Join(", ", others.Where(o => o.Length > 0));
        List<string> values = [.. options.Select(o => o.Value).Where(chosen.Contains)];
        if (other.Length > 0) values.Add(other);
        return values.Count == 0 ? FieldParse.Nothing : FieldParse.Of(JsonSerializer.SerializeToElement(values, FormsJsonContext.Default.ListString));
    }

    /// <summary>A list answer split on commas, semicolons, new lines, "and"/"và", or a run of numbers ("1 3").</summary>
    private static IEnumerable<string> Tokens(string raw)
    {
        foreach (var part in ListSeparator().Split(raw))
        {
            var token = part.Trim();
            if (token.Length == 0) continue;
            if (NumberRun().IsMatch(token))
            {
                foreach (var n in token.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return n;
            }
            else
            {
                yield return token;
            }
        }
    }

    /// <summary>By exact value, by number in the list, then by name (accents, case and typos forgiven).</summary>
    private static List<FieldOption> Match(IReadOnlyList<FieldOption> options, string raw)
    {
        var exact = options.FirstOrDefault(o => string.Equals(o.Value, raw, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return [exact];
        if (int.TryParse(raw.TrimEnd('.', ')'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= options.Count) return [options[n - 1]];
        return [.. TextMatching.Best(raw, options, o => [o.Title, .. o.Names])];
    }

    private FieldParse ParseTimeZone(FieldContext context, string raw)
    {
        if (context.SuggestedTimeZone is { } suggested && TimeZones.Canonical(suggested) is { } s && text.Words("Dialog.YesWords").Concat(text.Words("Dialog.KeepWords")).Any(w => TextMatching.Fold(w) == TextMatching.Fold(raw)))
            return FieldParse.Of(Json(s));
        if (TimeZones.Canonical(raw.Replace(' ', '_')) is { } exact) return FieldParse.Of(Json(exact));
        var offset = UtcOffset().Match(TextMatching.Unaccent(raw).Replace(" ", "", StringComparison.Ordinal));
        List<string> candidates;
        if (offset.Success)
        {
            var hours = int.Parse(offset.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = offset.Groups["m"].Success ? int.Parse(offset.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var wanted = new TimeSpan(hours, minutes, 0) * (offset.Groups["sign"].Value == "-" ? -1 : 1);
            candidates = [.. TimeZones.Offered.Where(z => TimeZones.TryFind(z)?.GetUtcOffset(context.Now) == wanted)];
        }
        else
        {
            candidates = [.. TextMatching.Best(raw, TimeZones.All, TimeZones.Names)];
        }
        return candidates.Count switch
        {
            1 => FieldParse.Of(Json(candidates[0])),
            0 => Error(context, "Field.Error.TimeZone"),
            _ => Error(context, "Field.Error.Ambiguous", string.Join(", ", candidates.Take(6))),
        };
    }

    internal static DateOnly? ParseDate(string raw, DateOnly today)
    {
        var folded = TextMatching.Fold(raw);
        switch (folded)
        {
            case "today" or "hom nay" or "nay": return today;
            case "tomorrow" or "ngay mai" or "mai": return today.AddDays(1);
            case "yesterday" or "hom qua": return today.AddDays(-1);
        }
        var text = TextMatching.Unaccent(raw);
        if (IsoDate().Match(text) is { Success: true } iso)
            return Date(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
        if (NumericDate().Match(text) is { Success: true } numeric)
        {
            var (a, b) = (Int(numeric, "a"), Int(numeric, "b"));
            var year = numeric.Groups["y"].Success ? Year(Int(numeric, "y")) : today.Year;
            // Day first (the convention across the programme's countries), unless only month-first makes sense.
            return a <= 12 && b > 12 ? Date(year, a, b) : Date(year, b, a);
        }
        if (VietnameseDate().Match(folded) is { Success: true } vi)
            return Date(vi.Groups["y"].Success ? Year(Int(vi, "y")) : today.Year, Int(vi, "m"), Int(vi, "d"));
        var english = Ordinal().Replace(text.Replace(",", " ", StringComparison.Ordinal), "$1");
        english = string.Join(' ', english.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string[] formats = ["d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM", "d MMM", "MMMM d", "MMM d"];
        return DateTime.TryParseExact(english, formats, CultureInfo.GetCultureInfo("en-US"), DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? new DateOnly(english.Any(char.IsAsciiDigit) && YearPresent().IsMatch(english) ? parsed.Year : today.Year, parsed.Month, parsed.Day)
            : null;
    }

    internal static DateOnly? ParseMonth(string raw, DateOnly today)
    {
        var text = TextMatching.Unaccent(raw);
        if (IsoMonth().Match(text) is { Success: true } iso) return Date(Int(iso, "y"), Int(iso, "m"), 1);
        if (NumericMonth().Match(text) is { Success: true } numeric) return Date(Year(Int(numeric, "y")), Int(numeric, "m"), 1);
        if (VietnameseMonth().Match(TextMatching.Fold(raw)) is { Success: true } vi)
            return vi.Groups["y"].Success ? Date(Year(Int(vi, "y")), Int(vi, "m"), 1) : NextOccurrence(Int(vi, "m"), today);
        var english = string.Join(' ', text.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var en = CultureInfo.GetCultureInfo("en-US");
        if (DateTime.TryParseExact(english, ["MMMM yyyy", "MMM yyyy", "MMMM yy", "MMM yy"], en, DateTimeStyles.None, out var withYear))
            return new DateOnly(withYear.Year, withYear.Month, 1);
        return DateTime.TryParseExact(english, ["MMMM", "MMM"], en, DateTimeStyles.None, out var monthOnly) ? NextOccurrence(monthOnly.Month, today) : null;
    }

    internal static TimeOnly? ParseTime(string raw)
    {
        var text = TextMatching.Unaccent(raw);
        var match = TimeShape().Match(text);
        if (!match.Success) return null;
        var hour = Int(match, "h");
        var minute = match.Groups["m"].Success ? Int(match, "m") : 0;
        var suffix = match.Groups["s"].Value.Replace(".", "", StringComparison.Ordinal);
        if (suffix is "am" or "sang" && hour is < 1 or > 12 || suffix is "pm" or "chieu" or "toi" && hour is < 1 or > 12) return null;
        if (suffix is "pm" or "chieu" or "toi" && hour < 12) hour += 12;
        if (suffix is "am" or "sang" && hour == 12) hour = 0;
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    private static DateOnly NextOccurrence(int month, DateOnly today) =>
        month is < 1 or > 12 ? default : new DateOnly(month >= today.Month ? today.Year : today.Year + 1, month, 1);

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Year(int year) => year < 100 ? 2000 + year : year;

    private static DateOnly? Date(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, FormsJsonContext.Default.String);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[\d\s().\-]{7,}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^[+-]?\d{1,3}([,.]\d{3})+$")]
    private static partial Regex GroupedNumber();

    [GeneratedRegex(@"^\s*(other|khac|khác)\s*[:\-]\s*(?<text>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherPrefix();

    [GeneratedRegex(@"\s*(?:[,;\n]|\s+and\s+|\s+và\s+|\s+va\s+)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^\d+(\s+\d+)+$")]
    private static partial Regex NumberRun();

    [GeneratedRegex(@"^(utc|gmt)?(?<sign>[+-])(?<h>\d{1,2})(:?(?<m>\d{2}))?$")]
    private static partial Regex UtcOffset();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.\-](?<b>\d{1,2})(?:[/.\-](?<y>\d{2}|\d{4}))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?:ngay\s+)?(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s+(?:nam\s+)?(?<y>\d{4}))?$")]
    private static partial Regex VietnameseDate();

    [GeneratedRegex(@"(\d)(st|nd|rd|th)\b")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\d{4}$")]
    private static partial Regex YearPresent();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})$")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"^(?<m>\d{1,2})[/.\-](?<y>\d{4}|\d{2})$")]
    private static partial Regex NumericMonth();

    [GeneratedRegex(@"^(?:thang|t)\s*(?<m>\d{1,2})(?:\s+(?:nam\s+)?(?<y>\d{4}|\d{2}))?$")]
    private static partial Regex VietnameseMonth();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:\s*(?::|h|g|\.|gio)\s*(?<m>\d{2})?)?\s*(?:phut)?\s*(?<s>am|pm|a\.m\.|p\.m\.|sang|chieu|toi)?$")]
    private static partial Regex TimeShape();
}

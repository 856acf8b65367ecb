using System.Globalization;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Localization;

namespace CcapBot.Features.Partnering;

/// <summary>
/// Words shared by the partnering cards: refusals for every <see cref="DomainRule"/>, dates and times in a
/// reader's language, and one instant shown in several cities' zones.
/// </summary>
public sealed class PartneringText(Localizer text)
{
    public string Get(string language, string key) => text.Get(language, key);

    public string Format(string language, string key, params object?[] args) => text.Format(language, key, args);

    /// <summary>
    /// "Nothing was changed: …" with one line per broken rule; <paramref name="rowOf"/> maps an activity number of
    /// the domain (1..n of the proposed list) to what the reader sees (the editor's row).
    /// </summary>
    public string Refusal(IEnumerable<RuleViolation> violations, string language, Func<int, int>? rowOf = null) =>
        text.Format(language, "Partnering.Refused", string.Join("\n", Reasons(violations, language, rowOf)));

    public IReadOnlyList<string> Reasons(IEnumerable<RuleViolation> violations, string language, Func<int, int>? rowOf = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return [.. violations
            .Select(v => v.ActivityNumber is { } n
                ? text.Format(language, "Partnering.Rule.ForActivity", rowOf?.Invoke(n) ?? n, RuleMessage(v.Rule, language))
                : RuleMessage(v.Rule, language))
            .Distinct(StringComparer.Ordinal)];
    }

    public string RuleMessage(DomainRule rule, string language) => text.Get(language, "Partnering.Rule." + rule);

    public string Culture(string language) => Languages.Culture(language);

    /// <summary>"Tue 3 Mar 2026, 09:00" as the instant reads in <paramref name="zone"/>.</summary>
    public string DateTime(DateTimeOffset instant, TimeZoneInfo zone, string language) =>
        ZonedTime.InZone(instant, zone).ToString(text.Get(language, "Partnering.Format.DateTime"), CultureInfo.GetCultureInfo(Culture(language)));

    public string Time(DateTimeOffset instant, TimeZoneInfo zone, string language) =>
        ZonedTime.InZone(instant, zone).ToString(text.Get(language, "Partnering.Format.Time"), CultureInfo.GetCultureInfo(Culture(language)));

    public string Date(DateOnly date, string language) =>
        date.ToString(text.Get(language, "Partnering.Format.Date"), CultureInfo.GetCultureInfo(Culture(language)));

    /// <summary>
    /// One instant in several places: "Tue 3 Mar 2026, 09:00 in Hai Phong (Asia/Ho_Chi_Minh) · 11:00 in Kitakyushu
    /// (Asia/Tokyo)". The first place shows the date; the others too, when their calendar day differs.
    /// </summary>
    public string Places(DateTimeOffset instant, IEnumerable<(string Place, string ZoneId)> places, string language)
    {
        ArgumentNullException.ThrowIfNull(places);
        DateOnly? firstDay = null;
        var parts = new List<string>();
        foreach (var (place, zoneId) in places)
        {
            var zone = TimeZones.TryFind(zoneId) ?? TimeZoneInfo.Utc;
            var day = DateOnly.FromDateTime(ZonedTime.InZone(instant, zone).DateTime);
            var when = firstDay is null || firstDay != day ? DateTime(instant, zone, language) : Time(instant, zone, language);
            firstDay ??= day;
            parts.Add(text.Format(language, "Partnering.Format.InPlace", when, place, zoneId));
        }
        return string.Join(" · ", parts);
    }

    public string Status(PartnershipStatus status, string language) => text.Get(language, "Partnering.Status." + status);

    public string Role(PartnershipRole role, string language) => text.Get(language, "Partnering.Role." + role);
}

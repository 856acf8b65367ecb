using CcapBot.Localization;

namespace CcapBot.Features.Matching;

/// <summary>Turns a factor's reason data into one short line in the reader's language ("6 working hours overlap (2 h apart)").</summary>
public sealed class MatchReasonText(Localizer text)
{
    public string FactorName(MatchFactor factor, string language) => text.Get(language, "Matching.Factor." + factor);

    public string Describe(MatchReason reason, string language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason switch
        {
            ObjectivesReason r => r.CoveredActions is { } covered && r.SoughtActions > 0
                ? text.Format(language, "Matching.Objectives.AreasAndActions", r.SharedCategories.Count, r.SoughtCategories, covered, r.SoughtActions)
                : text.Format(language, "Matching.Objectives.Areas", r.SharedCategories.Count, r.SoughtCategories),
            TimeFrameReason r => r.MentorPeriodStated
                ? text.Format(language, "Matching.TimeFrame.Overlap", r.OverlapMonths, r.SoughtMonths)
                : text.Get(language, "Matching.TimeFrame.NotStated"),
            ResourcesReason r => Resources(r, language),
            TransferabilityReason r => Transferability(r, language),
            WaysOfWorkingReason r => !r.MentorStated ? text.Get(language, "Matching.WaysOfWorking.NotStated")
                : r.Sought == 0 ? text.Get(language, "Matching.WaysOfWorking.NoPreference")
                : text.Format(language, "Matching.WaysOfWorking.Shared", r.Shared.Count, r.Sought),
            TimeDifferenceReason r => TimeDifference(r, language),
            LanguageReason r => r.Shared.Count == 0
                ? text.Get(language, "Matching.Language.None")
                : text.Format(language, "Matching.Language.Both", JoinAnd(r.Shared.Select(code => LanguageName(code, language)).ToList(), language)),
            ContinuityReason r => r.Contacts switch
            {
                <= 0 => text.Get(language, "Matching.Continuity.None"),
                1 => text.Get(language, "Matching.Continuity.One"),
                _ => text.Format(language, "Matching.Continuity.Many", r.Contacts),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.GetType().Name, null),
        };
    }

    /// <summary>"English", "tiếng Anh"; a language without a name of its own shows as its code.</summary>
    public string LanguageName(string code, string language)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = "Language.Name." + code;
        return text.Keys(Languages.Normalize(language) ?? Languages.English).Contains(key) ? text.Get(language, key) : code;
    }

    private string Resources(ResourcesReason r, string language)
    {
        var parts = new List<string>(2);
        if (r.AtCapacity)
            return text.Format(language, "Matching.Resources.AtCapacity", r.ActivePartnerships, r.Capacity);
        if (r.Capacity is { } capacity)
            parts.Add(text.Format(language, "Matching.Resources.PlacesFree", capacity - r.ActivePartnerships, capacity));
        else if (r.ActivePartnerships > 0)
            parts.Add(text.Format(language, "Matching.Resources.Busy", r.ActivePartnerships));
        parts.Add(r.OfferedHoursPerMonth is { } hours
            ? text.Format(language, "Matching.Resources.Hours", hours, r.AskedHoursPerMonth)
            : text.Get(language, "Matching.Resources.HoursNotStated"));
        return string.Join("; ", parts);
    }

    private string Transferability(TransferabilityReason r, string language) => r switch
    {
        { CompletedPartnerships: 1 } => text.Get(language, "Matching.Transferability.Partnerships.One"),
        { CompletedPartnerships: > 1 } => text.Format(language, "Matching.Transferability.Partnerships.Other", r.CompletedPartnerships),
        { CompletedActivities: 1 } => text.Get(language, "Matching.Transferability.Activities.One"),
        { CompletedActivities: > 1 } => text.Format(language, "Matching.Transferability.Activities.Other", r.CompletedActivities),
        { DeclaredExpertise: true } => text.Get(language, "Matching.Transferability.Declared"),
        _ => text.Get(language, "Matching.Transferability.None"),
    };

    private string TimeDifference(TimeDifferenceReason r, string language)
    {
        if (!r.ZonesKnown) return text.Get(language, "Matching.TimeDifference.UnknownZone");
        var overlap = r.MinOverlapMinutes == r.MaxOverlapMinutes
            ? r.MinOverlapMinutes == 60
                ? text.Get(language, "Matching.TimeDifference.Overlap.One")
                : text.Format(language, "Matching.TimeDifference.Overlap.Other", Hours(r.MinOverlapMinutes))
            : text.Format(language, "Matching.TimeDifference.OverlapRange", Hours(r.MinOverlapMinutes), Hours(r.MaxOverlapMinutes));
        var apart = r.MaxOffsetDifferenceMinutes == 0 ? text.Get(language, "Matching.TimeDifference.SameTime")
            : r.MinOffsetDifferenceMinutes == r.MaxOffsetDifferenceMinutes
                ? text.Format(language, "Matching.TimeDifference.Apart", Hours(r.MinOffsetDifferenceMinutes))
                : text.Format(language, "Matching.TimeDifference.ApartRange", Hours(r.MinOffsetDifferenceMinutes), Hours(r.MaxOffsetDifferenceMinutes));
        return $"{overlap} ({apart})";
    }

    private static double Hours(int minutes) => minutes / 60.0;

    private string JoinAnd(List<string> items, string language) => items.Count switch
    {
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + text.Get(language, "List.And") + items[^1],
    };
}

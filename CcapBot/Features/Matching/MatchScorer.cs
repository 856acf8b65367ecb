using CcapBot.Domain;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Matching;

/// <summary>
/// Ranks mentor candidates for one learning application by the C3 areas of consideration. Pure and
/// deterministic: no database, no clock (the dates are the application's), the same inputs always give
/// the same order. Ties go to the city name (ordinal), then the city id, then the offer id.
/// </summary>
public sealed class MatchScorer(IOptions<MatchingOptions> options)
{
    private static readonly TimeOnly WorkdayStart = new(9, 0);
    private static readonly TimeOnly WorkdayEnd = new(17, 0);
    private const int WorkdayMinutes = 8 * 60;
    // Reference dates beyond five years add nothing: daylight-saving rules repeat yearly.
    private const int MaxReferenceMonths = 60;
    private const double Unknown = 0.5;

    public IReadOnlyList<MatchResult> Rank(LearningNeed need, IEnumerable<MentorCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(candidates);
        var ordered = candidates
            .Where(c => c.CityId != need.CityId)
            .Select(c => (Candidate: c, Factors: Score(need, c)))
            .Select(s => (s.Candidate, s.Factors, Total: Total(s.Factors)))
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.Candidate.CityName, StringComparer.Ordinal)
            .ThenBy(s => s.Candidate.CityId)
            .ThenBy(s => s.Candidate.OfferApplicationId ?? 0)
            .ToList();
        return [.. ordered.Select((s, i) => new MatchResult(s.Candidate, i + 1, s.Total, s.Factors))];
    }

    /// <summary>Every factor for one candidate, in <see cref="MatchFactor"/> order.</summary>
    public IReadOnlyList<FactorScore> Score(LearningNeed need, MentorCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(candidate);
        var weights = options.Value;
        return
        [
            Factor(MatchFactor.CommonObjectives, CommonObjectives(need, candidate)),
            Factor(MatchFactor.TimeFrame, TimeFrame(need, candidate)),
            Factor(MatchFactor.Resources, Resources(need, candidate, weights.DefaultAskHoursPerMonth)),
            Factor(MatchFactor.Transferability, Transferability(need, candidate)),
            Factor(MatchFactor.CommunicationPreferences, WaysOfWorking(need, candidate)),
            Factor(MatchFactor.TimeDifference, TimeDifference(need, candidate)),
            Factor(MatchFactor.Language, Language(need, candidate)),
            Factor(MatchFactor.Continuity, Continuity(candidate)),
        ];

        FactorScore Factor(MatchFactor factor, (double Value, MatchReason Reason) scored)
        {
            var weight = weights.Weight(factor);
            return new FactorScore(factor, scored.Value, weight, weight * scored.Value, scored.Reason);
        }
    }

    /// <summary>Rounded to one decimal, so that candidates shown with the same score rank by name, not by float noise.</summary>
    private static double Total(IReadOnlyList<FactorScore> factors) =>
        Math.Round(factors.Sum(f => f.Contribution), 1, MidpointRounding.AwayFromZero);

    /// <summary>Half for the share of sought categories the mentor covers, half for the specific actions.</summary>
    private static (double, MatchReason) CommonObjectives(LearningNeed need, MentorCandidate candidate)
    {
        var sought = need.Categories.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var offered = MentorCategories(candidate);
        var shared = sought.Where(offered.Contains).ToList();
        var categoryShare = sought.Count == 0 ? 0 : (double)shared.Count / sought.Count;

        var soughtActions = need.SpecificActions.Distinct().ToList();
        int? covered = null;
        var actionShare = categoryShare;
        // A mentor that names no specific actions offers its categories whole.
        if (soughtActions.Count > 0 && candidate.SpecificActions.Count > 0)
        {
            covered = soughtActions.Count(candidate.SpecificActions.Contains);
            actionShare = (double)covered / soughtActions.Count;
        }
        return ((categoryShare + actionShare) / 2, new ObjectivesReason(shared, sought.Count, covered, soughtActions.Count));
    }

    /// <summary>What the mentor offers, has done, or declares as current capacity (AQM capacity codes that name a category).</summary>
    private static HashSet<string> MentorCategories(MentorCandidate candidate)
    {
        var categories = new HashSet<string>(candidate.Categories, StringComparer.OrdinalIgnoreCase);
        categories.UnionWith(candidate.Experience.Where(e => e.CompletedPartnerships > 0 || e.CompletedActivities > 0).Select(e => e.CategoryCode));
        categories.UnionWith(candidate.DeclaredCapacities);
        return categories;
    }

    /// <summary>The share of the learning city's months the mentor's period covers.</summary>
    private static (double, MatchReason) TimeFrame(LearningNeed need, MentorCandidate candidate)
    {
        var (start, end) = Months(need.PeriodStart, need.PeriodEnd);
        var sought = end - start + 1;
        if (candidate.PeriodStart is not { } mentorStart || candidate.PeriodEnd is not { } mentorEnd)
            return (Unknown, new TimeFrameReason(false, 0, sought));
        var (from, to) = Months(mentorStart, mentorEnd);
        var overlap = Math.Max(0, Math.Min(end, to) - Math.Max(start, from) + 1);
        return ((double)overlap / sought, new TimeFrameReason(true, overlap, sought));
    }

    /// <summary>
    /// A mentor at capacity can take no one; otherwise the offered staff hours against the ask (what the
    /// learning city puts in, or the configured default).
    /// </summary>
    private static (double, MatchReason) Resources(LearningNeed need, MentorCandidate candidate, int defaultAsk)
    {
        var ask = need.StaffHoursPerMonth is > 0 and var hours ? hours : defaultAsk;
        var reason = new ResourcesReason(candidate.Capacity, candidate.ActivePartnerships, candidate.StaffHoursPerMonth, ask);
        if (reason.AtCapacity) return (0, reason);
        var hoursScore = candidate.StaffHoursPerMonth is { } offered ? Math.Min(1, (double)offered / ask) : Unknown;
        // Without a stated capacity, a city already mentoring is probably busy.
        if (candidate.Capacity is null && candidate.ActivePartnerships > 0) hoursScore /= 2;
        return (hoursScore, reason);
    }

    /// <summary>Done it as a mentor (a partnership, else some activities) beats saying so.</summary>
    private static (double, MatchReason) Transferability(LearningNeed need, MentorCandidate candidate)
    {
        var sought = new HashSet<string>(need.Categories, StringComparer.OrdinalIgnoreCase);
        var relevant = candidate.Experience.Where(e => sought.Contains(e.CategoryCode)).ToList();
        var partnerships = relevant.Sum(e => e.CompletedPartnerships);
        var activities = relevant.Sum(e => e.CompletedActivities);
        var declared = candidate.Categories.Concat(candidate.DeclaredCapacities).Any(sought.Contains);
        var value = partnerships > 0 ? 1 : activities > 0 ? 0.75 : declared ? 0.5 : 0;
        return (value, new TransferabilityReason(partnerships, activities, declared));
    }

    private static (double, MatchReason) WaysOfWorking(LearningNeed need, MentorCandidate candidate)
    {
        var sought = need.WaysOfWorking.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (candidate.WaysOfWorking.Count == 0) return (Unknown, new WaysOfWorkingReason(false, [], sought.Count));
        var offered = new HashSet<string>(candidate.WaysOfWorking, StringComparer.OrdinalIgnoreCase);
        var shared = sought.Where(offered.Contains).ToList();
        var value = sought.Count == 0 ? 1 : (double)shared.Count / sought.Count;
        return (value, new WaysOfWorkingReason(true, shared, sought.Count));
    }

    /// <summary>
    /// The share of a working day both cities are at work, on the 15th of every month of the period both
    /// can work in (or the learning city's period), taking the least: a pair lives with its worst months.
    /// </summary>
    private static (double, MatchReason) TimeDifference(LearningNeed need, MentorCandidate candidate)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(need.TimeZone, out var learningZone)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(candidate.TimeZone, out var mentorZone))
            return (0, new TimeDifferenceReason(false, 0, 0, 0, 0));

        var (start, end) = Months(need.PeriodStart, need.PeriodEnd);
        if (candidate.PeriodStart is { } mentorStart && candidate.PeriodEnd is { } mentorEnd)
        {
            var (from, to) = Months(mentorStart, mentorEnd);
            if (Math.Max(start, from) <= Math.Min(end, to)) (start, end) = (Math.Max(start, from), Math.Min(end, to));
        }
        end = Math.Min(end, start + MaxReferenceMonths - 1);

        int minOverlap = int.MaxValue, maxOverlap = 0, minApart = int.MaxValue, maxApart = 0;
        for (var month = start; month <= end; month++)
        {
            var date = new DateOnly(month / 12, month % 12 + 1, 15);
            var overlap = OverlapMinutes(date, learningZone, mentorZone);
            var apart = OffsetDifferenceMinutes(date, learningZone, mentorZone);
            (minOverlap, maxOverlap) = (Math.Min(minOverlap, overlap), Math.Max(maxOverlap, overlap));
            (minApart, maxApart) = (Math.Min(minApart, apart), Math.Max(maxApart, apart));
        }
        return ((double)minOverlap / WorkdayMinutes, new TimeDifferenceReason(true, minOverlap, maxOverlap, minApart, maxApart));
    }

    /// <summary>
    /// Minutes of the learning city's working day (on <paramref name="date"/>, its local date) during which
    /// the mentor city is also at work, on its previous, same or next local day.
    /// </summary>
    internal static int OverlapMinutes(DateOnly date, TimeZoneInfo learning, TimeZoneInfo mentor)
    {
        var start = ZonedTime.ToInstant(date, WorkdayStart, learning);
        var end = ZonedTime.ToInstant(date, WorkdayEnd, learning);
        var minutes = 0;
        for (var day = -1; day <= 1; day++)
        {
            var otherDate = date.AddDays(day);
            var otherStart = ZonedTime.ToInstant(otherDate, WorkdayStart, mentor);
            var otherEnd = ZonedTime.ToInstant(otherDate, WorkdayEnd, mentor);
            var from = start > otherStart ? start : otherStart;
            var to = end < otherEnd ? end : otherEnd;
            if (to > from) minutes += (int)(to - from).TotalMinutes;
        }
        return minutes;
    }

    /// <summary>How far apart the two clocks are at noon of the learning city's date.</summary>
    internal static int OffsetDifferenceMinutes(DateOnly date, TimeZoneInfo learning, TimeZoneInfo mentor)
    {
        var noon = ZonedTime.ToInstant(date, new TimeOnly(12, 0), learning);
        return (int)Math.Abs((learning.GetUtcOffset(noon) - mentor.GetUtcOffset(noon)).TotalMinutes);
    }

    private static (double, MatchReason) Language(LearningNeed need, MentorCandidate candidate)
    {
        var mentor = new HashSet<string>(candidate.WorkingLanguages.Select(PrimaryLanguage));
        var shared = need.WorkingLanguages.Select(PrimaryLanguage).Distinct().Where(mentor.Contains).ToList();
        return (shared.Count > 0 ? 1 : 0, new LanguageReason(shared));
    }

    /// <summary>One contact is a single point of failure when staff change; two or more carry on.</summary>
    private static (double, MatchReason) Continuity(MentorCandidate candidate) =>
        (candidate.Contacts switch { <= 0 => 0, 1 => 0.5, _ => 1 }, new ContinuityReason(candidate.Contacts));

    private static string PrimaryLanguage(string tag) => tag.Split('-', '_')[0].Trim().ToLowerInvariant();

    /// <summary>Month numbers (year × 12 + month − 1), inclusive, end never before start.</summary>
    private static (int Start, int End) Months(DateOnly start, DateOnly end)
    {
        var from = start.Year * 12 + start.Month - 1;
        var to = end.Year * 12 + end.Month - 1;
        return (from, Math.Max(from, to));
    }
}

using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Matching;

/// <summary>
/// Scores every possible mentor for a learning application from what the database holds and keeps the
/// ranking as <see cref="MatchSuggestion"/>s: new candidates are added, open suggestions refreshed, decided
/// ones left alone (a rejected city is not proposed again), and open ones for cities no longer eligible removed.
/// </summary>
public sealed partial class MentorSuggestions(CcapDbContext db, MatchScorer scorer, TimeProvider clock, ILogger<MentorSuggestions> logger)
{
    private static readonly PartnershipStatus[] Mentoring =
        [PartnershipStatus.Confirmed, PartnershipStatus.LaunchScheduled, PartnershipStatus.ActionListProposed, PartnershipStatus.Active];

    /// <summary>The open suggestions, best first, one per city; empty when the application is not an open learning application.</summary>
    public async Task<IReadOnlyList<MatchResult>> RefreshAsync(int learningApplicationId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.City)
            .SingleOrDefaultAsync(a => a.Id == learningApplicationId && a.Kind == ApplicationKind.Learning, cancellationToken);
        if (application is not { City: { } city, Status: ReviewStatus.Submitted or ReviewStatus.Approved })
        {
            LogNotMatchable(logger, learningApplicationId);
            return [];
        }

        var candidates = await LoadCandidatesAsync(city.Id, cancellationToken);
        // A city with several offers is suggested once, for its best one.
        var ranked = scorer.Rank(LearningNeed.From(application, city), candidates)
            .DistinctBy(r => r.Candidate.CityId)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();

        var now = clock.GetUtcNow();
        var existing = await db.MatchSuggestions.Where(s => s.LearningApplicationId == application.Id).ToListAsync(cancellationToken);
        foreach (var result in ranked)
        {
            var breakdown = MatchBreakdown.Serialize(result.Factors);
            var suggestion = existing.SingleOrDefault(s => s.CandidateCityId == result.Candidate.CityId);
            if (suggestion is null)
                db.MatchSuggestions.Add(MatchSuggestion.Create(application.Id, result.Candidate.CityId, result.Candidate.OfferApplicationId, result.Score, result.Rank, breakdown, now));
            else
                suggestion.Refresh(result.Candidate.OfferApplicationId, result.Score, result.Rank, breakdown, now);
        }
        var eligible = ranked.Select(r => r.Candidate.CityId).ToHashSet();
        db.MatchSuggestions.RemoveRange(existing.Where(s => s.Status == MatchSuggestionStatus.Suggested && !eligible.Contains(s.CandidateCityId)));
        await db.SaveChangesAsync(cancellationToken);

        var decided = existing.Where(s => s.Status != MatchSuggestionStatus.Suggested).Select(s => s.CandidateCityId).ToHashSet();
        var open = ranked.Where(r => !decided.Contains(r.Candidate.CityId)).ToList();
        LogScored(logger, application.Id, candidates.Count, open.Count);
        return open;
    }

    /// <summary>
    /// Approved cities willing to mentor (by role or by an open offer), other than the learning city, each
    /// with its open offers, what it has finished as a mentor, and how many partnerships it mentors now.
    /// </summary>
    private async Task<List<MentorCandidate>> LoadCandidatesAsync(int learningCityId, CancellationToken cancellationToken)
    {
        var offers = await db.Applications.AsNoTracking()
            .Where(a => a.Kind == ApplicationKind.Mentor && (a.Status == ReviewStatus.Submitted || a.Status == ReviewStatus.Approved) && a.CityId != learningCityId)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var offerCities = offers.Select(o => o.CityId).Distinct().ToList();

        var cities = await db.Cities.AsNoTracking().Include(c => c.Representatives)
            .Where(c => c.Status == CityStatus.Approved && c.Id != learningCityId
                && (c.RoleInterest == CityRole.Mentor || c.RoleInterest == CityRole.Both || offerCities.Contains(c.Id)))
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var cityIds = cities.Select(c => c.Id).ToList();

        var mentorships = await db.Partnerships.AsNoTracking()
            .SelectMany(p => p.Cities.Where(c => c.Role == PartnershipRole.Mentor && cityIds.Contains(c.CityId)), (p, c) => new
            {
                c.CityId,
                p.Status,
                p.CategoryCode,
                Live = p.Activities.Count(a => a.RemovedAt == null),
                Done = p.Activities.Count(a => a.RemovedAt == null && a.Status == ActivityStatus.Done),
            })
            .ToListAsync(cancellationToken);

        var candidates = new List<MentorCandidate>();
        foreach (var city in cities)
        {
            var own = mentorships.Where(m => m.CityId == city.Id).ToList();
            var experience = own
                .GroupBy(m => m.CategoryCode, StringComparer.OrdinalIgnoreCase)
                .Select(g => new CategoryExperience(
                    g.Key,
                    // Completed, or closed by a coordinator with everything done.
                    g.Count(m => m.Status == PartnershipStatus.Completed || (m.Status == PartnershipStatus.Closed && m.Live > 0 && m.Done == m.Live)),
                    g.Sum(m => m.Done)))
                .ToList();
            var active = own.Count(m => Mentoring.Contains(m.Status));

            var cityOffers = offers.Where(o => o.CityId == city.Id).ToList();
            if (cityOffers.Count == 0)
            {
                if (city.RoleInterest is CityRole.Mentor or CityRole.Both) candidates.Add(MentorCandidate.From(city, null, experience, active));
                continue;
            }
            candidates.AddRange(cityOffers.Select(offer => MentorCandidate.From(city, offer, experience, active)));
        }
        return candidates;
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Scored {CandidateCount} mentor candidates for learning application {ApplicationId}; {OpenCount} open suggestions")]
    private static partial void LogScored(ILogger logger, int applicationId, int candidateCount, int openCount);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Application {ApplicationId} is not an open learning application; nothing to match")]
    private static partial void LogNotMatchable(ILogger logger, int applicationId);
}

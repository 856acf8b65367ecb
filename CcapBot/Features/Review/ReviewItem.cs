using System.Globalization;
using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Review;

/// <summary>
/// One submission a coordinator reviews: a registration or an application, with its city and the representative
/// who sent it. A correction sent after a return is a new round of the same item: its cards are new, and a button
/// of an earlier round's card no longer counts.
/// </summary>
public sealed record ReviewItem(ReviewSubject Subject, Domain.Registration? Registration, Application? Application, City City, Representative Submitter)
{
    public int Id => Registration?.Id ?? Application!.Id;

    public ReviewStatus Status => Registration?.Status ?? Application!.Status;
    public DateTimeOffset SubmittedAt => Registration?.SubmittedAt ?? Application!.SubmittedAt;
    public string? ReviewedBy => Registration?.ReviewedBy ?? Application?.ReviewedBy;
    public DateTimeOffset? ReviewedAt => Registration?.ReviewedAt ?? Application?.ReviewedAt;
    public string? Reason => Registration?.Reason ?? Application?.Reason;

    /// <summary>Identifies the submission round (the instant it was sent), on the card and in outbox keys.</summary>
    public string Round => SubmittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>The outbox topic of this round's review cards, so a decision can find every copy.</summary>
    public string Topic => $"review:{Name(Subject)}:{Id.ToString(CultureInfo.InvariantCulture)}:{Round}";

    public static string Name(ReviewSubject subject) => subject == ReviewSubject.Registration ? "registration" : "application";

    public static ReviewSubject? Parse(string? name) => name switch
    {
        "registration" => ReviewSubject.Registration,
        "application" => ReviewSubject.Application,
        _ => null,
    };

    public static ReviewItem Of(Domain.Registration registration, City city, Representative submitter) =>
        new(ReviewSubject.Registration, registration, null, city, submitter);

    public static ReviewItem Of(Application application, City city, Representative submitter) =>
        new(ReviewSubject.Application, null, application, city, submitter);

    /// <summary>Sets the decision on the submission (and what it means for the city and the representative).</summary>
    public void Decide(bool approve, string reviewer, DateTimeOffset at, string? reason)
    {
        var status = approve ? ReviewStatus.Approved : ReviewStatus.Returned;
        if (Registration is { } registration)
        {
            registration.Status = status;
            registration.ReviewedBy = reviewer;
            registration.ReviewedAt = at;
            registration.Reason = reason;
            if (approve) Submitter.Active = true;
            if (registration.Kind == RegistrationKind.NewCity)
            {
                City.Status = approve ? CityStatus.Approved : CityStatus.Returned;
                City.UpdatedAt = at;
            }
        }
        else
        {
            var application = Application!;
            application.Status = status;
            application.ReviewedBy = reviewer;
            application.ReviewedAt = at;
            application.Reason = reason;
        }
    }

    /// <summary>The submission with its city and submitter (tracked, to be decided), or null.</summary>
    public static async Task<ReviewItem?> LoadAsync(CcapDbContext db, ReviewSubject subject, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (subject == ReviewSubject.Registration)
        {
            var registration = await db.Registrations.Include(r => r.City).Include(r => r.Representative).ThenInclude(r => r!.Identities)
                .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            return registration is { City: { } city, Representative: { } representative } ? Of(registration, city, representative) : null;
        }
        var application = await db.Applications.Include(a => a.City).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application?.City is not { } applicantCity) return null;
        var submitter = await db.Representatives.Include(r => r.Identities).FirstOrDefaultAsync(r => r.Id == application.SubmittedByRepresentativeId, cancellationToken);
        return submitter is null ? null : Of(application, applicantCity, submitter);
    }

    /// <summary>Everything waiting for a decision, oldest first.</summary>
    public static async Task<IReadOnlyList<ReviewItem>> WaitingAsync(CcapDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var registrations = await db.Registrations.Include(r => r.City).Include(r => r.Representative).ThenInclude(r => r!.Identities)
            .Where(r => r.Status == ReviewStatus.Submitted).ToListAsync(cancellationToken);
        var applications = await db.Applications.Include(a => a.City).Where(a => a.Status == ReviewStatus.Submitted).ToListAsync(cancellationToken);
        var submitterIds = applications.Select(a => a.SubmittedByRepresentativeId).Distinct().ToList();
        var submitters = await db.Representatives.Include(r => r.Identities).Where(r => submitterIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. registrations.Where(r => r.City is not null && r.Representative is not null).Select(r => Of(r, r.City!, r.Representative!))
            .Concat(applications.Where(a => a.City is not null && submitters.ContainsKey(a.SubmittedByRepresentativeId)).Select(a => Of(a, a.City!, submitters[a.SubmittedByRepresentativeId])))
            .OrderBy(i => i.SubmittedAt)];
    }
}

using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;

namespace CcapBot.Features.Matching;

/// <summary>A confirmed partnership (from a suggestion or paired by hand) is stored, recorded and announced the same way.</summary>
public sealed class PartnershipCreation(CcapDbContext db, PartnershipNotices notices, PartneringText text)
{
    /// <summary>
    /// Saves <paramref name="partnership"/> (already confirmed), records it in the audit log and tells every representative
    /// of its cities. The partnership is saved at once because its number goes into every notice and button, inside a
    /// transaction the turn pipeline commits with the rest of the turn (or rolls back on a conflict), so the partnership,
    /// its notices and the audit entry are stored together or not at all.
    /// </summary>
    public async Task<PartnershipContext> CompleteAsync(Partnership partnership, Actor actor, string how, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        if (partnership.Id == 0)
        {
            db.Partnerships.Add(partnership);
            if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            Audit.Record(db, actor, now, "partnership.created", nameof(Partnership), partnership.Id, JsonSerializer.SerializeToElement(new Dictionary<string, string>
            {
                ["how"] = how,
                ["mentor"] = partnership.MentorCityId.ToString(CultureInfo.InvariantCulture),
                ["learning"] = string.Join(",", partnership.LearningCityIds),
                ["category"] = partnership.CategoryCode,
            }, PartneringJsonContext.Default.DictionaryStringString));
        }
        var context = await PartnershipContext.LoadAsync(db, partnership.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Partnership {partnership.Id} was just saved and cannot be found.");
        await notices.CreatedAsync(db, context, cancellationToken);
        return context;
    }

    /// <summary>The partnership card for the coordinator who made it, with the next step.</summary>
    public JsonElement CoordinatorCard(PartnershipContext partnership, string language, bool universalActions)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return notices.CreatedCard(partnership, language, universalActions,
            [new CardButton(text.Get(language, "Partnering.Button.ScheduleLaunch"), LaunchVerbs.Form, Partnership: partnership.Id)]);
    }
}

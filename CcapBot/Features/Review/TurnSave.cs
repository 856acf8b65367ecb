using CcapBot.Persistence;

namespace CcapBot.Features.Review;

/// <summary>
/// Saving mid-turn, when a feature needs the ids of rows it just added (a review card names its registration).
/// The save runs in a transaction the turn pipeline commits with the rest of the turn, or rolls back on a conflict,
/// so the turn still happens once or not at all.
/// </summary>
internal static class TurnSave
{
    public static async Task SaveForIdsAsync(CcapDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

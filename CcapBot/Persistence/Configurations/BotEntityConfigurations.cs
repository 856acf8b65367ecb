using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CcapBot.Persistence.Configurations;

internal sealed class ConversationMemberConfiguration : IEntityTypeConfiguration<ConversationMember>
{
    public void Configure(EntityTypeBuilder<ConversationMember> builder)
    {
        builder.HasKey(m => new { m.ChannelId, m.ConversationId, m.UserId });
        builder.Property(m => m.ChannelId).HaveMaxLengthForKey();
        builder.Property(m => m.ConversationId).HaveMaxLengthForKey();
        builder.Property(m => m.UserId).HaveMaxLengthForKey();
        builder.Property(m => m.ServiceUrl).HasMaxLength(1000);
        builder.Property(m => m.Language).HasMaxLength(10);
        builder.Property(m => m.TimeZone).HasMaxLength(64);
        builder.Property(m => m.DialogState).HasMaxLength(int.MaxValue);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.AadObjectId);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.HasKey(p => new { p.ChannelId, p.ConversationId, p.ActivityId });
        builder.Property(p => p.ChannelId).HaveMaxLengthForKey();
        builder.Property(p => p.ConversationId).HaveMaxLengthForKey();
        builder.Property(p => p.ActivityId).HaveMaxLengthForKey();
        builder.Property(p => p.InvokeBody).HasMaxLength(int.MaxValue);
        builder.HasIndex(p => p.ProcessedAt);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.Property(o => o.ChannelId).HaveMaxLengthForKey();
        builder.Property(o => o.ConversationId).HasMaxLength(256);
        builder.Property(o => o.ServiceUrl).HasMaxLength(1000);
        builder.Property(o => o.Activity).HasMaxLength(int.MaxValue);
        builder.Property(o => o.LastError).HasMaxLength(2000);
        // The worker's claim: due pending rows in DueAt order.
        builder.HasIndex(o => new { o.Status, o.DueAt });
        builder.HasIndex(o => o.UpdateOfKey);
        builder.HasIndex(o => o.Topic);
    }
}

internal sealed class DirectLineConversationConfiguration : IEntityTypeConfiguration<DirectLineConversation>
{
    public void Configure(EntityTypeBuilder<DirectLineConversation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HaveMaxLengthForKey();
        builder.HasIndex(c => c.UserId);
    }
}

internal sealed class DirectLineActivityConfiguration : IEntityTypeConfiguration<DirectLineActivity>
{
    public void Configure(EntityTypeBuilder<DirectLineActivity> builder)
    {
        builder.HasKey(a => a.Sequence);
        builder.Property(a => a.Json).HasMaxLength(int.MaxValue);
        builder.HasIndex(a => new { a.ConversationId, a.Sequence });
        builder.HasIndex(a => new { a.ConversationId, a.ActivityId }).IsUnique();
    }
}

internal static class PropertyBuilderExtensions
{
    /// <summary>SQL Server index keys are limited to 1700 bytes: three nvarchar(256) key columns fit (Teams ids are far shorter).</summary>
    public static PropertyBuilder<string> HaveMaxLengthForKey(this PropertyBuilder<string> property) => property.HasMaxLength(256);
}

package nl.mantelzorgthuis.notificationservice.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import nl.mantelzorgthuis.notificationservice.notice.InboxHeads;
import nl.mantelzorgthuis.notificationservice.notice.domain.Follow;
import nl.mantelzorgthuis.notificationservice.notice.domain.FollowKind;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What belongs in a person's inbox: what they follow, each since they started following, plus
 * messages meant for them alone; limited to the event types they chose, if any. The same rule as a
 * store query and as a test on a notification in memory, side by side so the two cannot drift.
 */
final class InboxFilter {

    private final String personal;
    private final List<Follow> follows;
    private final Set<String> types;
    private final String[] keys;
    private final long[] since;

    /** For store queries only. */
    InboxFilter(Person person) {
        this(person, null);
    }

    /** For store queries and tests on the heads in memory, whose shared key strings it uses. */
    InboxFilter(Person person, InboxHeads heads) {
        java.util.function.UnaryOperator<String> canonical = heads == null ? k -> k : heads::canonical;
        this.personal = canonical.apply(FollowKind.personal(person.id()));
        this.follows = person.follows();
        this.types = Set.copyOf(person.inboxEventTypes());
        this.keys = follows.stream().map(f -> canonical.apply(f.key())).toArray(String[]::new);
        this.since = follows.stream().mapToLong(f -> f.since().toEpochMilli()).toArray();
    }

    boolean test(InboxHeads.Head n) {
        if (n.filedUnder(personal)) {
            return true;
        }
        if (!types.isEmpty() && !types.contains(n.type())) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (n.time() >= since[i] && n.filedUnder(keys[i])) {
                return true;
            }
        }
        return false;
    }

    Criteria criteria() {
        List<Criteria> any = new ArrayList<>();
        any.add(where("keys").is(personal));
        for (Follow f : follows) {
            any.add(new Criteria().andOperator(where("keys").is(f.key()), where("time").gte(Date.from(f.since()))));
        }
        Criteria mine = new Criteria().orOperator(any);
        if (!types.isEmpty()) {
            mine = new Criteria().andOperator(mine, new Criteria().orOperator(where("type").in(types), where("keys").is(personal)));
        }
        return mine;
    }
}

package org.yardstick.aggregation.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The region hierarchy (行政区划树) as the aggregation walks it: each region's parent and children,
 * in the order they were given. Built once from (code, parent) pairs; a cycle or an unknown parent
 * is refused with the region that causes it.
 */
public final class RegionTree {

    private final Map<String, @Nullable String> parents;
    private final Map<String, List<String>> children;

    private RegionTree(Map<String, @Nullable String> parents, Map<String, List<String>> children) {
        this.parents = parents;
        this.children = children;
    }

    /**
     * @param parentOf every region's code with its parent's code ({@code null} for a root), in the
     *                 order children are to be listed
     * @throws IllegalArgumentException naming the region whose parent is unknown or that is its own ancestor
     */
    public static RegionTree of(Map<String, @Nullable String> parentOf) {
        Map<String, @Nullable String> parents = new LinkedHashMap<>(parentOf);
        Map<String, List<String>> children = new HashMap<>();
        for (Map.Entry<String, @Nullable String> e : parents.entrySet()) {
            String parent = e.getValue();
            if (parent != null) {
                if (!parents.containsKey(parent)) {
                    throw new IllegalArgumentException("region " + e.getKey() + ": unknown parent " + parent);
                }
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        RegionTree tree = new RegionTree(parents, children);
        for (String code : parents.keySet()) {
            int steps = 0;
            for (String p = parents.get(code); p != null; p = parents.get(p)) {
                if (p.equals(code) || ++steps > parents.size()) {
                    throw new IllegalArgumentException("region " + code + " is its own ancestor");
                }
            }
        }
        return tree;
    }

    public boolean contains(String code) {
        return parents.containsKey(code);
    }

    public @Nullable String parent(String code) {
        return parents.get(code);
    }

    public List<String> children(String code) {
        return Collections.unmodifiableList(children.getOrDefault(code, List.of()));
    }

    /** The region and its ancestors, nearest first: the regions whose aggregates a figure of {@code code} changes. */
    public List<String> pathToRoot(String code) {
        List<String> path = new ArrayList<>();
        for (String c = code; c != null; c = parents.get(c)) {
            path.add(c);
        }
        return path;
    }

    /** The regions without a parent. */
    public List<String> roots() {
        List<String> roots = new ArrayList<>();
        parents.forEach((code, parent) -> {
            if (parent == null) {
                roots.add(code);
            }
        });
        return roots;
    }

    /**
     * The tree of the given regions only, in this tree's order: each keeps its parent, which must be
     * among them unless it is a root here.
     */
    public RegionTree only(Set<String> codes) {
        Map<String, @Nullable String> parentOf = new LinkedHashMap<>();
        parents.forEach((code, parent) -> {
            if (codes.contains(code)) {
                if (parent != null && !codes.contains(parent)) {
                    throw new IllegalArgumentException("region " + code + ": its parent " + parent + " is left out");
                }
                parentOf.put(code, parent);
            }
        });
        return new RegionTree(parentOf, childrenOf(parentOf));
    }

    private static Map<String, List<String>> childrenOf(Map<String, @Nullable String> parents) {
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((code, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
            }
        });
        return children;
    }

    public int size() {
        return parents.size();
    }
}

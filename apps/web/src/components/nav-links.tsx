"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** One link of the main navigation. */
export interface NavItem {
  /** Where it goes. */
  href: string;
  /** Its text. */
  label: string;
}

/**
 * The main navigation's links, marking the current section with `aria-current="page"`.
 *
 * @param props - `items`: the links to show
 * @returns the list of links
 * @example
 * ```tsx
 * <NavLinks items={[{ href: "/", label: "Dashboard" }]} />
 * ```
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => {
        const current =
          item.href === "/" ? pathname === "/" : pathname.startsWith(item.href.split("?")[0] ?? "");
        return (
          <li key={item.href}>
            <Link href={item.href} aria-current={current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Cell, Input, Popup } from '@nutui/nutui-react-taro'
import type { Outcome } from '../services/backend'
import { usePagedList, type CursorPage } from '../services/paged'
import LoadMore from './LoadMore'

export interface Picked {
  id: string
  label: string
}

/**
 * A field whose options come from the server a page at a time, searchable by name: for lists that
 * can be long (people, cases), where loading "the first 50" would silently hide the rest.
 */
export default function SearchPicker<T>({
  title,
  placeholder,
  value,
  search,
  fetchPage,
  toChoice,
  onChange,
  className,
}: {
  title: string
  placeholder: string
  value: Picked | null
  /** Whether the sheet offers a search box (the fetch then receives the text). */
  search?: boolean
  fetchPage: (query: string, cursor: string | undefined) => Promise<Outcome<CursorPage<T>>>
  toChoice: (item: T) => Picked
  onChange: (choice: Picked) => void
  className?: string
}) {
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const list = usePagedList<T>((cursor) => fetchPage(query.trim(), cursor))

  const show = () => {
    setOpen(true)
    void list.reload()
  }

  return (
    <>
      <Cell
        className={`mq-choice mq-tap ${className ?? ''}`}
        title={value?.label ?? placeholder}
        extra="选择"
        clickable
        onClick={show}
      />
      <Popup visible={open} position="bottom" title={title} closeable onClose={() => setOpen(false)}>
        <View className="mq-picker">
          {search && (
            <View className="mq-row mq-picker__search">
              <Input
                className="mq-input"
                aria-label={`搜索${title}`}
                placeholder="输入姓名或姓氏"
                value={query}
                maxLength={20}
                onChange={setQuery}
                onConfirm={() => void list.reload()}
              />
              <Button className="mq-tap" type="primary" onClick={() => void list.reload()}>
                搜索
              </Button>
            </View>
          )}
          {list.message && <Text className="mq-error">{list.message}</Text>}
          {list.items?.length === 0 && <Text className="mq-hint">没有找到</Text>}
          {list.items?.map((item) => {
            const choice = toChoice(item)
            return (
              <Cell
                key={choice.id}
                className="mq-tap mq-picker__option"
                title={choice.label}
                clickable
                onClick={() => {
                  onChange(choice)
                  setOpen(false)
                }}
              />
            )
          })}
          <LoadMore list={list} />
        </View>
      </Popup>
    </>
  )
}
